namespace Keeper.Host.Devnet.Postgres;

/// <summary>The test server did not come up; <see cref="ExitedEarly"/> when it quit at once (typically a taken port).</summary>
internal sealed class PostgresStartException(string message, bool exitedEarly) : Exception(message)
{
    public bool ExitedEarly { get; } = exitedEarly;
}
