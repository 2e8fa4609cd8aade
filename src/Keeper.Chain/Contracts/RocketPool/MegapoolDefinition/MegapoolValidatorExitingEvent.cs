using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorExiting(uint256 indexed validatorId, uint256 time)</c>.</summary>
[Event("MegapoolValidatorExiting")]
public sealed class MegapoolValidatorExitingEvent : MegapoolValidatorEvent;
