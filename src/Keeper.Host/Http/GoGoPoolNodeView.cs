using Keeper.Chain.Rpc;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>What a node knows of GoGoPool's chain (keeper.gogopool).</summary>
/// <param name="ChainId">The chain id it runs on.</param>
/// <param name="Board">Its parts' latest answers; null before the registry's first.</param>
/// <param name="RpcEndpoints">Each of its RPC endpoints' health, in configured order.</param>
public sealed record GoGoPoolNodeView(ulong ChainId, GoGoPoolBoard? Board, IReadOnlyList<RpcEndpointStatus> RpcEndpoints);
