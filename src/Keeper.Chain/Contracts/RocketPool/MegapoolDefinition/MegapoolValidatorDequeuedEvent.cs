using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorDequeued(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorDequeued")]
public sealed class MegapoolValidatorDequeuedEvent : MegapoolValidatorEvent;
