using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary>
/// <c>getUserDistributeDelay() returns (uint256)</c>: epochs after a validator's final withdrawal before anyone but its
/// operator may prove the final balance.
/// </summary>
[Function("getUserDistributeDelay", "uint256")]
public sealed class GetUserDistributeDelayFunction : FunctionMessage;
