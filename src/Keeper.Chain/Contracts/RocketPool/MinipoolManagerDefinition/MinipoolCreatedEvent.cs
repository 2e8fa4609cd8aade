using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;

/// <summary><c>MinipoolCreated(address indexed minipool, address indexed node, uint256 time)</c>.</summary>
[Event("MinipoolCreated")]
public sealed class MinipoolCreatedEvent : MinipoolLifecycleEvent;
