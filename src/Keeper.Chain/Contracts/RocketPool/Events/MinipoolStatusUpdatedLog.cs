using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary><c>StatusUpdated(uint8 indexed status, uint256 time)</c> from a minipool.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="Status">The new status.</param>
/// <param name="Time">The block timestamp: the minipool's new status time.</param>
public sealed record MinipoolStatusUpdatedLog(LogEntry Log, MinipoolStatus Status, ulong Time) : RocketPoolLog(Log)
{
    /// <summary>The minipool.</summary>
    public Address Minipool => Log.Address;
}
