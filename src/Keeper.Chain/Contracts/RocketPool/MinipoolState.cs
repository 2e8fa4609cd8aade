using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>A legacy minipool's state as read from the chain.</summary>
/// <param name="Minipool">The minipool's address.</param>
/// <param name="Node">Its node operator.</param>
/// <param name="Status">Its status.</param>
/// <param name="StatusTime">Block timestamp of the last status change; the launch timeout counts from it.</param>
public sealed record MinipoolState(Address Minipool, Address Node, MinipoolStatus Status, ulong StatusTime);
