using System.Text;

namespace Keeper.Host.Devnet;

/// <summary>
/// Passes lines to <paramref name="inner"/> until <paramref name="stopping"/> is cancelled, then drops them: when a terminal's
/// Ctrl-C reaches anvil along with the devnet, the beacon chain's follower would otherwise fill the screen with failures to
/// reach the chain while the devnet stops.
/// </summary>
/// <param name="inner">Where lines go.</param>
/// <param name="stopping">Cancelled when the devnet stops.</param>
public sealed class MutedOnStopWriter(TextWriter inner, CancellationToken stopping) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (!stopping.IsCancellationRequested)
        {
            inner.Write(value);
        }
    }

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        if (!stopping.IsCancellationRequested)
        {
            inner.WriteLine(value);
        }
    }
}
