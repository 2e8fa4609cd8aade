namespace Keeper.Host.Devnet;

/// <summary>The kinds of action the devnet seeds, each counted apart in the report's <c>tasks.byKind</c>.</summary>
public enum DevnetTaskKind
{
    /// <summary><c>dissolveValidator</c> on a megapool, once a prestaked validator's time before dissolve has passed.</summary>
    DissolveMegapoolValidator,

    /// <summary><c>dissolve()</c> on a legacy minipool, once its launch timeout has passed.</summary>
    DissolveMinipool,

    /// <summary>The manager's <c>notifyExit</c> for a validator that exited on the beacon chain unreported, once the late window opened.</summary>
    NotifyExit,

    /// <summary>The manager's <c>dissolve</c> with a proof, for a prestaked validator with wrong withdrawal credentials.</summary>
    DissolveProof,

    /// <summary>The manager's <c>notifyFinalBalance</c>, once the user distribute delay after the final withdrawal has passed.</summary>
    FinalBalance,

    /// <summary>GoGoPool's <c>RewardsPool.startRewardsCycle()</c> on the second chain, once <c>canStartRewardsCycle()</c> holds.</summary>
    StartRewardsCycle,
}
