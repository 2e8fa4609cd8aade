using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorStaked(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorStaked")]
public sealed class MegapoolValidatorStakedEvent : MegapoolValidatorEvent;
