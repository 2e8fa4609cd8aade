namespace Keeper.Chain.Logs;

/// <summary>
/// The chain reorganized deeper than the remembered history, so the common ancestor is unknown. Everything derived
/// from the chain must be re-read from a block known to be final.
/// </summary>
public sealed class ReorgTooDeepException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReorgTooDeepException(ulong oldestKnownBlock, int historyDepth)
        : base($"The chain reorganized below block {oldestKnownBlock}, deeper than the {historyDepth} blocks remembered. " +
               "Restart from a finalized checkpoint, or raise the history depth.")
    {
        OldestKnownBlock = oldestKnownBlock;
    }

    /// <summary>The oldest block that was remembered, which is itself no longer canonical.</summary>
    public ulong OldestKnownBlock { get; }
}
