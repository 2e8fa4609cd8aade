using System.Numerics;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>Megapool settings as read from the chain.</summary>
/// <param name="TimeBeforeDissolve">Seconds after assignment before a prestaked validator may be dissolved (strictly after).</param>
/// <param name="NotifyThresholdEpochs">Epochs before the withdrawable epoch by which an exit must be reported.</param>
/// <param name="LateNotifyFine">Fine for a late exit report, in wei.</param>
/// <param name="DissolvePenalty">Debt added to the megapool by a dissolve, in wei.</param>
/// <param name="DissolveCallerReward">Reward paid to whoever dissolves another operator's validator, in wei (zero on the live network).</param>
/// <param name="UserDistributeDelayEpochs">Epochs after a final withdrawal before anyone but the operator may prove the final balance.</param>
/// <param name="UserDistributeDelayWithShortfallEpochs">The same when the final balance leaves the users' capital short.</param>
public sealed record MegapoolSettingsValues(
    ulong TimeBeforeDissolve,
    ulong NotifyThresholdEpochs,
    BigInteger LateNotifyFine,
    BigInteger DissolvePenalty,
    BigInteger DissolveCallerReward,
    ulong UserDistributeDelayEpochs,
    ulong UserDistributeDelayWithShortfallEpochs);
