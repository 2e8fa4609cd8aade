using System.Globalization;
using Keeper.Actors.GoGoPool;

namespace Keeper.Host.Http;

/// <summary>GoGoPool's state, the body of <c>/api/gogopool</c>.</summary>
/// <param name="Enabled">False when keeper.gogopool is off (everything else empty).</param>
/// <param name="ChainId">The chain's id, or null when off.</param>
/// <param name="Head">The watcher's head, or null before the first.</param>
/// <param name="RewardsCycle">The RewardsPool's cycle, or null before the first read.</param>
/// <param name="Minipools">Every tracked minipool, by node ID.</param>
/// <param name="Alerts">The alerts standing now, oldest first.</param>
/// <param name="Raised">Alerts raised since the node started, by kind (overdue, not-withdrawn, error).</param>
/// <param name="Turns">The rewards-cycle task as the gate sees it (whose turn), when one is due.</param>
/// <param name="Balance">The signing account's balance on the chain, in wei, or null before the first reading.</param>
/// <param name="RpcEndpoints">Each RPC endpoint: up or down, and since when.</param>
public sealed record GoGoPoolView(
    bool Enabled,
    ulong? ChainId,
    GoGoHeadView? Head,
    GoGoRewardsCycleApiView? RewardsCycle,
    IReadOnlyList<GoGoMinipoolApiView> Minipools,
    IReadOnlyList<GoGoAlertView> Alerts,
    IReadOnlyDictionary<string, long> Raised,
    IReadOnlyList<GoGoTurnView> Turns,
    string? Balance,
    IReadOnlyList<GoGoRpcEndpointView> RpcEndpoints)
{
    /// <summary>The body when keeper.gogopool is off.</summary>
    public static GoGoPoolView Off { get; } = new(false, null, null, null, [], [], Kinds(_ => 0), [], null, []);

    /// <summary>Builds the body from the node's view.</summary>
    public static GoGoPoolView Of(GoGoPoolNodeView? node)
    {
        if (node is null)
        {
            return Off;
        }

        var board = node.Board;
        var status = board?.Status;
        var head = board?.Watcher.Head is { } h ? new GoGoHeadView(h.Number, h.Timestamp) : null;
        var cycle = status?.RewardsCycle is { } c
            ? new GoGoRewardsCycleApiView(c.RewardsPool.ToString(), c.Count, c.StartTime, c.NextStartTime, c.CanStart)
            : null;
        return new GoGoPoolView(
            true,
            node.ChainId,
            head,
            cycle,
            status?.Minipools.OrderBy(m => m.NodeId).Select(m => new GoGoMinipoolApiView(
                m.NodeId.ToString(), m.Owner.ToString(), m.Status.ToString(), m.StatusSince, m.CycleEnd, m.Alerts)).ToArray() ?? [],
            status?.Alerts.OrderBy(a => a.RaisedAt).Select(Alert).ToArray() ?? [],
            Kinds(kind => status?.Raised.GetValueOrDefault(kind) ?? 0),
            board?.Gate?.Tasks.Select(t => new GoGoTurnView(t.TaskKey, t.DueAt, t.State, t.Holder?.ToString())).ToArray() ?? [],
            board?.Balance?.Wei?.ToString(CultureInfo.InvariantCulture),
            node.RpcEndpoints.Select((e, i) => new GoGoRpcEndpointView(e.Index, e.Label, e.Up, e.UnreachableSince)).ToArray());
    }

    private static GoGoAlertView Alert(GoGoAlert a) => new(
        a.Key, a.Kind.WireName(), a.NodeId.ToString(), a.Owner.ToString(), a.Status.ToString(), a.DueAt, a.RaisedAt, a.Own, a.Message);

    private static Dictionary<string, long> Kinds(Func<GoGoAlertKind, long> count) =>
        GoGoAlertKinds.All.ToDictionary(k => k.WireName(), count, StringComparer.Ordinal);
}

/// <summary>A head of GoGoPool's chain.</summary>
public sealed record GoGoHeadView(ulong Number, ulong Timestamp);

/// <summary>The RewardsPool's cycle: count, start, and the first block time at which the next may start.</summary>
public sealed record GoGoRewardsCycleApiView(string RewardsPool, ulong Count, ulong StartTime, ulong? NextStartTime, bool CanStart);

/// <summary>A GoGoPool minipool: status, since when (null when not seen changing), its cycle's expected end, its alerts' keys.</summary>
public sealed record GoGoMinipoolApiView(string NodeId, string Owner, string Status, ulong? StatusSince, ulong? CycleEnd, IReadOnlyList<string> Alerts);

/// <summary>An alert standing for a minipool's owner and the operator.</summary>
public sealed record GoGoAlertView(string Key, string Kind, string NodeId, string Owner, string Status, ulong DueAt, ulong RaisedAt, bool Own, string Message);

/// <summary>A due GoGoPool task at the gate: whose turn it is now.</summary>
public sealed record GoGoTurnView(string Key, ulong DueAt, string State, string? Holder);

/// <summary>One of the chain's RPC endpoints: its position, its label (no path or key), up or down and since when.</summary>
public sealed record GoGoRpcEndpointView(int Index, string Label, bool Up, DateTimeOffset? UnreachableSince);
