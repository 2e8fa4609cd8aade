using System.Globalization;

namespace Keeper.Host.Http;

/// <summary>
/// The built-in <see cref="ReadinessRule"/>s, in the order <c>/ready</c> names them.
/// </summary>
public static class ReadinessRules
{
    /// <summary>How many blocks the watcher may be behind the chain's tip and still count as synced (a poll in progress).</summary>
    public const ulong SyncToleranceBlocks = 2;

    /// <summary>Every built-in rule.</summary>
    public static IReadOnlyList<ReadinessRule> All { get; } = [ActorSystem, Rpc, ColdStart, Syncing, Store, Balance, GoGoPoolRpc, GoGoPoolColdStart];

    /// <summary>The signing account holds nothing: the node would refuse every action (a balance below the floor only warns).</summary>
    public static string? Balance(INodeView node, DateTimeOffset now) => node.Balance?.NotReadyReason();

    /// <summary>The actor system stopped: nothing runs.</summary>
    public static string? ActorSystem(INodeView node, DateTimeOffset now) => node.IsAlive ? null : "the actor system has stopped";

    /// <summary>Every RPC endpoint is unreachable (one that answers is enough: the client fails over).</summary>
    public static string? Rpc(INodeView node, DateTimeOffset now)
    {
        var endpoints = node.RpcEndpoints;
        if (endpoints.Count == 0 || endpoints.Any(e => e.Up))
        {
            return null;
        }

        // The RPC as a whole is lost since its last endpoint went.
        var since = endpoints.Max(e => e.UnreachableSince!.Value);
        var which = string.Join(", ", endpoints.Select(e => e.Label));
        return $"RPC unreachable since {Iso(since)} (endpoint{(endpoints.Count == 1 ? string.Empty : "s")} {which})";
    }

    /// <summary>The chain watcher has not read the chain once yet.</summary>
    public static string? ColdStart(INodeView node, DateTimeOffset now) =>
        node.Status.Ready ? null : "the chain watcher has not finished its first cold start or resume";

    /// <summary>The watcher is more than <see cref="SyncToleranceBlocks"/> behind the chain tip it last saw.</summary>
    public static string? Syncing(INodeView node, DateTimeOffset now)
    {
        var status = node.Status;
        return status.Ready && node.Watcher.ChainTip is { } tip && tip > status.HeadNumber + SyncToleranceBlocks
            ? string.Create(CultureInfo.InvariantCulture, $"syncing at block {status.HeadNumber} of {tip}")
            : null;
    }

    /// <summary>The shared store does not answer: the node tracks but cannot claim, so it submits nothing.</summary>
    public static string? Store(INodeView node, DateTimeOffset now) =>
        node.Status.Ready && !node.Status.StoreReachable ? "shared store unreachable: the node tracks but submits nothing" : null;

    /// <summary>keeper.gogopool is on and every one of its chain's RPC endpoints is unreachable.</summary>
    public static string? GoGoPoolRpc(INodeView node, DateTimeOffset now)
    {
        var endpoints = node.GoGoPool?.RpcEndpoints ?? [];
        if (endpoints.Count == 0 || endpoints.Any(e => e.Up))
        {
            return null;
        }

        var since = endpoints.Max(e => e.UnreachableSince!.Value);
        return $"GoGoPool RPC unreachable since {Iso(since)} (endpoint{(endpoints.Count == 1 ? string.Empty : "s")} {string.Join(", ", endpoints.Select(e => e.Label))})";
    }

    /// <summary>keeper.gogopool is on and its watcher has not read the GoGoPool chain once yet.</summary>
    public static string? GoGoPoolColdStart(INodeView node, DateTimeOffset now) =>
        node.GoGoPool is { } goGoPool && goGoPool.Board?.Watcher.Head is null ? "the GoGoPool watcher has not finished its first cold start" : null;

    /// <summary>A time as ISO 8601 UTC to the second.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
