using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>canStartRewardsCycle() returns (bool)</c>: a whole rewards cycle and a whole inflation interval have passed and the pool is not paused.</summary>
[Function("canStartRewardsCycle", "bool")]
public sealed class CanStartRewardsCycleFunction : FunctionMessage;
