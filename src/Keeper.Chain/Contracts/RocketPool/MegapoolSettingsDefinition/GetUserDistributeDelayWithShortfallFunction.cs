using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary>
/// <c>getUserDistributeDelayWithShortfall() returns (uint256)</c>: the epochs that replace
/// <c>getUserDistributeDelay()</c> when the final balance leaves the users' capital short.
/// </summary>
[Function("getUserDistributeDelayWithShortfall", "uint256")]
public sealed class GetUserDistributeDelayWithShortfallFunction : FunctionMessage;
