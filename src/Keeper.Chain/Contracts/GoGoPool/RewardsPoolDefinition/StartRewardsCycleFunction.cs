using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>startRewardsCycle()</c>: open to anyone; reverts <c>UnableToStartRewardsCycle()</c> unless <see cref="CanStartRewardsCycleFunction"/>.</summary>
[Function("startRewardsCycle")]
public sealed class StartRewardsCycleFunction : FunctionMessage;
