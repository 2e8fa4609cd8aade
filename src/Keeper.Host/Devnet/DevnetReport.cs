using System.Text.Json.Serialization;
using Keeper.Host.Devnet.GoGoPool;

namespace Keeper.Host.Devnet;

/// <summary>The devnet's JSON report (shared/DESIGN.md, Devnet report).</summary>
public sealed record DevnetReport(DevnetTasks Tasks, DevnetLatency LatencyBlocks, IReadOnlyList<DevnetNodeReport> Nodes, DevnetRpc Rpc)
{
    /// <summary>The options the run ran with; null only in a report built outside <see cref="DevnetRunner"/>.</summary>
    public DevnetReportOptions? Options { get; init; }

    /// <summary>The GoGoPool chain's seeding and each node's alerts; absent when the run had none (--gogopool 0).</summary>
    [JsonPropertyName("gogopool")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GoGoPoolReport? GoGoPool { get; init; }
}

/// <summary>
/// Task counts. <paramref name="Duplicates"/> counts transactions sent for an action already done or already in flight;
/// <paramref name="Replaced"/> counts pending keeper transactions replaced by a zero-value self-transfer because someone
/// else did the action first; <paramref name="GasWasted"/> is the gas the keepers' reverted transactions burned.
/// </summary>
public sealed record DevnetTasks(int Due, int Done, int DoneByKeeper, int Duplicates, int Reverted, int Replaced = 0, ulong GasWasted = 0)
{
    /// <summary>Due, done, duplicates, reverts and latency per kind of action (<c>dissolve-megapool</c>, <c>dissolve-minipool</c>, <c>notify-exit</c>, <c>dissolve-proof</c>, <c>final-balance</c>, <c>start-rewards-cycle:gogopool</c>); only kinds seeded.</summary>
    public IReadOnlyDictionary<string, DevnetKindTasks> ByKind { get; init; } = new Dictionary<string, DevnetKindTasks>();

    /// <inheritdoc />
    public bool Equals(DevnetTasks? other) =>
        other is not null && (Due, Done, DoneByKeeper, Duplicates, Reverted, Replaced, GasWasted) == (other.Due, other.Done, other.DoneByKeeper, other.Duplicates, other.Reverted, other.Replaced, other.GasWasted)
        && ByKind.Count == other.ByKind.Count && ByKind.All(k => other.ByKind.TryGetValue(k.Key, out var v) && v == k.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Due, Done, DoneByKeeper, Duplicates, Reverted, Replaced, GasWasted, ByKind.Count);
}

/// <summary>Blocks between the first block in which an action was valid and the block that included it (0 = first possible).</summary>
public sealed record DevnetLatency(long P50, long P99, long Max);

/// <summary>One node's share.</summary>
public sealed record DevnetNodeReport(string Id, string Address, int Submitted, ulong GasUsed);

/// <summary>JSON-RPC load of all nodes together.</summary>
public sealed record DevnetRpc(long Requests, double PerBlock);
