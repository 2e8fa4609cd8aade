namespace Keeper.Actors.GoGoPool;

/// <summary>How a read moved a tracked GoGoPool minipool's status, judged against the moves the protocol allows.</summary>
public enum GoGoTransitionKind
{
    /// <summary>The first read of the minipool: nothing to judge.</summary>
    Discovered,

    /// <summary>The read is older than the state (and no reorg came between): ignored.</summary>
    Stale,

    /// <summary>The status is the one already held.</summary>
    Unchanged,

    /// <summary>One move GoGoPool allows (<c>requireValidStateTransition</c>).</summary>
    Allowed,

    /// <summary>
    /// Several allowed moves read as their final state (they fell in one block, or one transaction made them, such as
    /// ending a cycle and relaunching); accepted.
    /// </summary>
    Skipped,

    /// <summary>A move the protocol forbids even in several steps within one lifecycle; accepted, since the chain is the truth.</summary>
    Forbidden,
}
