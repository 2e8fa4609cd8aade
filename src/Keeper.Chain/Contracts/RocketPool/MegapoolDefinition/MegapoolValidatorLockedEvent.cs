using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorLocked(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorLocked")]
public sealed class MegapoolValidatorLockedEvent : MegapoolValidatorEvent;
