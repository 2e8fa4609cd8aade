using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;

/// <summary><c>MinipoolDestroyed(address indexed minipool, address indexed node, uint256 time)</c>.</summary>
[Event("MinipoolDestroyed")]
public sealed class MinipoolDestroyedEvent : MinipoolLifecycleEvent;
