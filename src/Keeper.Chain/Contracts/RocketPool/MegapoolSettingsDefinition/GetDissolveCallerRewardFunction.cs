using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary><c>getDissolveCallerReward() returns (uint256)</c>: the reward for dissolving another operator's validator, in wei, as the original megapool design proposes; the live contracts have no such function.</summary>
[Function("getDissolveCallerReward", "uint256")]
public sealed class GetDissolveCallerRewardFunction : FunctionMessage;
