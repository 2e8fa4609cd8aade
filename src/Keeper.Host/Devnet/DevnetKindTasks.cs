namespace Keeper.Host.Devnet;

/// <summary>One kind of action in the report: how many were due, how many were done on chain, and by whom and how soon.</summary>
/// <param name="Due">Seeded actions of the kind whose time came during the run.</param>
/// <param name="Done">Those done by a successful transaction mined in the run.</param>
public sealed record DevnetKindTasks(int Due, int Done)
{
    /// <summary>Those done by a keeper's transaction.</summary>
    public int DoneByKeeper { get; init; }

    /// <summary>Keeper transactions for an action of the kind already done or already in flight.</summary>
    public int Duplicates { get; init; }

    /// <summary>Keeper transactions for an action of the kind that reverted.</summary>
    public int Reverted { get; init; }

    /// <summary>
    /// The most blocks between the first block in which an action of the kind was valid and the block that included the
    /// keeper's transaction (0: the first possible); null when no keeper did one.
    /// </summary>
    public long? LatencyBlocks { get; init; }
}
