using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorDissolved(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorDissolved")]
public sealed class MegapoolValidatorDissolvedEvent : MegapoolValidatorEvent;
