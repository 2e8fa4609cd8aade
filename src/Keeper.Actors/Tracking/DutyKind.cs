namespace Keeper.Actors.Tracking;

/// <summary>The actions a keeper may take when a deadline passes.</summary>
/// <remarks>Stored by name nowhere: duties are derived again from the tracked state, so members may be added freely.</remarks>
public enum DutyKind
{
    /// <summary><c>dissolveValidator(uint32)</c> on a megapool whose validator was assigned ETH and never staked.</summary>
    DissolveMegapoolValidator,

    /// <summary><c>dissolve()</c> on a legacy minipool stuck in prelaunch past the launch timeout.</summary>
    DissolveMinipool,

    /// <summary>
    /// Report a megapool validator's exit (<c>notifyExit</c>, with beacon proofs) once the operator is late, i.e. the proven
    /// epoch is past <c>withdrawableEpoch - notifyThreshold</c> (the operator's debt takes the late fine).
    /// </summary>
    NotifyExit,

    /// <summary>
    /// Dissolve a prestaked megapool validator whose beacon record breaks the rules (<c>RocketMegapoolManager.dissolve</c>,
    /// with beacon proofs): valid at once.
    /// </summary>
    DissolveProof,

    /// <summary>
    /// Prove an exited megapool validator's final balance (<c>notifyFinalBalance</c>, with beacon proofs), which anyone but
    /// the operator may do from <c>withdrawalEpoch + userDistributeDelay</c> on.
    /// </summary>
    FinalBalance,

    /// <summary>
    /// Start GoGoPool's next GGP rewards cycle (<c>RewardsPool.startRewardsCycle()</c>, on Avalanche's C-Chain), open to
    /// anyone once <c>canStartRewardsCycle()</c>; the target is the RewardsPool.
    /// </summary>
    StartRewardsCycle,
}
