namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>
/// The cases <c>keeper devnet --gogopool</c> seeds, in the order minipools are dealt to them: first one of each alert rule,
/// then the controls that must raise nothing.
/// </summary>
public enum GoGoPoolSeedCase
{
    /// <summary>Launched and never staked: overdue once its cycle plus the delay tolerance has passed.</summary>
    LaunchedOverdue,

    /// <summary>Staking and its cycle's end never recorded: overdue once its cycle plus the delay tolerance has passed.</summary>
    StakingOverdue,

    /// <summary>Withdrawable and left so past the withdraw grace: not withdrawn.</summary>
    WithdrawableNotWithdrawn,

    /// <summary>In Error: alerted at once.</summary>
    Error,

    /// <summary>Control: Prelaunch, for which no rule exists.</summary>
    Prelaunch,

    /// <summary>Control: Finished.</summary>
    Finished,

    /// <summary>Control: Canceled.</summary>
    Canceled,

    /// <summary>Control: Withdrawable, withdrawn by its owner before the grace ends.</summary>
    WithdrawnInTime,

    /// <summary>Control: Staking, its end recorded before it is overdue and then withdrawn by its owner before the grace ends.</summary>
    EndedInTime,
}
