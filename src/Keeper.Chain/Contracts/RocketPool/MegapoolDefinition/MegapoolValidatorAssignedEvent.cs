using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorAssigned(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorAssigned")]
public sealed class MegapoolValidatorAssignedEvent : MegapoolValidatorEvent;
