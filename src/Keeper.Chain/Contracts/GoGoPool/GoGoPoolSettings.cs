namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>The ProtocolDAO settings the keeper's GoGoPool windows follow from, in seconds.</summary>
/// <param name="RewardsCycleSeconds"><c>ProtocolDAO.RewardsCycleSeconds</c> (28 days by default).</param>
/// <param name="InflationIntervalSeconds"><c>ProtocolDAO.InflationIntervalSeconds</c> (1 day by default).</param>
/// <param name="MinipoolCycleDuration"><c>ProtocolDAO.MinipoolCycleDuration</c>: one validation cycle (14 days by default).</param>
/// <param name="MinipoolCycleDelayTolerance"><c>ProtocolDAO.MinipoolCycleDelayTolerance</c>: how late a cycle may end (1 day by default).</param>
/// <param name="MinipoolMaxDuration"><c>ProtocolDAO.MinipoolMaxDuration</c> (365 days by default).</param>
/// <param name="MinipoolCancelMoratoriumSeconds"><c>ProtocolDAO.MinipoolCancelMoratoriumSeconds</c>: before an owner may cancel (5 days by default).</param>
public sealed record GoGoPoolSettings(
    ulong RewardsCycleSeconds,
    ulong InflationIntervalSeconds,
    ulong MinipoolCycleDuration,
    ulong MinipoolCycleDelayTolerance,
    ulong MinipoolMaxDuration,
    ulong MinipoolCancelMoratoriumSeconds);
