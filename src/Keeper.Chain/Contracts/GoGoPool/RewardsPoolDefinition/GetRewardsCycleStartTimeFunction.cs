using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>getRewardsCycleStartTime() returns (uint256)</c>: the block timestamp the current cycle started at.</summary>
[Function("getRewardsCycleStartTime", "uint256")]
public sealed class GetRewardsCycleStartTimeFunction : FunctionMessage;
