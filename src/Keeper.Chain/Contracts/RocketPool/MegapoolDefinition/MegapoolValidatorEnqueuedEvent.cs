using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorEnqueued(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorEnqueued")]
public sealed class MegapoolValidatorEnqueuedEvent : MegapoolValidatorEvent;
