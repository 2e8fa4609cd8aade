namespace Keeper.Actors.Tracking;

/// <summary>How long before each kind of own deadline the <see cref="OwnDeadlineWatch"/> warns (keeper.own.warn-before-*).</summary>
/// <param name="BeforeStake">Before a prestaked validator becomes dissolvable: staking takes the operator a deposit and proofs.</param>
/// <param name="BeforeNotifyExit">Before an exit report turns late.</param>
public sealed record OwnWarningOptions(TimeSpan BeforeStake, TimeSpan BeforeNotifyExit)
{
    /// <summary>The lead time of <paramref name="kind"/>, in whole seconds.</summary>
    public ulong SecondsBefore(OwnDeadlineKind kind) => (ulong)(kind == OwnDeadlineKind.Stake ? BeforeStake : BeforeNotifyExit).TotalSeconds;
}
