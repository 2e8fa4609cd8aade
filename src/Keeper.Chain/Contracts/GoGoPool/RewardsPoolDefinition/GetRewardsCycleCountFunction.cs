using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>getRewardsCycleCount() returns (uint256)</c>: how many cycles were started.</summary>
[Function("getRewardsCycleCount", "uint256")]
public sealed class GetRewardsCycleCountFunction : FunctionMessage;
