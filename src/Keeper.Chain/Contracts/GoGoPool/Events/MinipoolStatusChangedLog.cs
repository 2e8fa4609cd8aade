using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.GoGoPool.Events;

/// <summary><c>MinipoolStatusChanged(address indexed nodeID, MinipoolStatus indexed status)</c> from MinipoolManager.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="NodeId">The minipool's node ID.</param>
/// <param name="Status">The new status. The event carries no time: the record's times are read at the log's block.</param>
public sealed record MinipoolStatusChangedLog(LogEntry Log, Address NodeId, GoGoMinipoolStatus Status) : GoGoPoolLog(Log);
