using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorUnlocked(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorUnlocked")]
public sealed class MegapoolValidatorUnlockedEvent : MegapoolValidatorEvent;
