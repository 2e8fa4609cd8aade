using Keeper.Chain.Primitives;
using Nethereum.JsonRpc.Client;

namespace Keeper.Host.Devnet;

/// <summary>The GoGoPool chain of a devnet run, for the report: its tasks are counted from its own blocks.</summary>
/// <param name="Rpc">Its JSON-RPC client.</param>
/// <param name="RewardsPool">The RewardsPool whose <c>startRewardsCycle()</c> transactions are the tasks' actions.</param>
/// <param name="Tasks">Its tasks (<see cref="DevnetTaskKind.StartRewardsCycle"/>), by due time.</param>
/// <param name="FromBlock">The first block the nodes could act in.</param>
/// <param name="ToBlock">The last block of the run.</param>
public sealed record DevnetSecondChain(IClient Rpc, Address RewardsPool, IReadOnlyList<DevnetTask> Tasks, ulong FromBlock, ulong ToBlock);
