using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>UnableToStartRewardsCycle()</c>: <c>startRewardsCycle()</c> was called before <c>canStartRewardsCycle()</c> held.</summary>
[Error("UnableToStartRewardsCycle")]
public sealed class UnableToStartRewardsCycleError;
