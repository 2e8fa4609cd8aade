using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary><c>MinipoolCreated</c> or <c>MinipoolDestroyed</c> <c>(address indexed minipool, address indexed node, uint256 time)</c> from the minipool manager.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="Minipool">The minipool.</param>
/// <param name="Node">Its node operator.</param>
/// <param name="Time">The block timestamp.</param>
/// <param name="Destroyed">True for <c>MinipoolDestroyed</c>.</param>
public sealed record MinipoolCreatedLog(LogEntry Log, Address Minipool, Address Node, ulong Time, bool Destroyed) : RocketPoolLog(Log);
