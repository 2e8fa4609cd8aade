using System.Numerics;
using Keeper.Chain.Beacon;

namespace Keeper.Actors.Tracking;

/// <summary>The protocol settings the deadlines depend on, as read from the chain (never assumed).</summary>
/// <param name="TimeBeforeDissolve">Megapool: seconds after assignment; dissolvable strictly after.</param>
/// <param name="LaunchTimeout">Legacy minipool: seconds in prelaunch; dissolvable at or after.</param>
/// <param name="NotifyThresholdEpochs">Megapool: epochs before the withdrawable epoch by which an exit must be reported.</param>
/// <param name="UserDistributeDelayEpochs">Megapool: epochs after the final withdrawal before anyone but the operator may prove the final balance.</param>
/// <param name="UserDistributeDelayWithShortfallEpochs">Megapool: the same when the final balance may leave the users' capital short.</param>
/// <param name="BeaconTime">Beacon chain time (genesis, slot and epoch length), or null when no beacon node is configured.</param>
/// <param name="DissolveCallerReward">What a megapool pays whoever dissolves another operator's validator, in wei (zero live).</param>
/// <param name="LateNotifyFine">What a late exit report costs the operator, in wei: what an own report in time saves.</param>
public sealed record TrackingSettings(
    ulong TimeBeforeDissolve,
    ulong LaunchTimeout,
    ulong NotifyThresholdEpochs,
    ulong UserDistributeDelayEpochs,
    ulong UserDistributeDelayWithShortfallEpochs,
    BeaconTime? BeaconTime,
    BigInteger DissolveCallerReward = default,
    BigInteger LateNotifyFine = default);
