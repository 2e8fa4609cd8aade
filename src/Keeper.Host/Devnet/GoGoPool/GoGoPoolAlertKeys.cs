using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>
/// GoGoPool alert keys, <c>&lt;kind&gt;:&lt;nodeId lower hex&gt;:&lt;status in lower case&gt;:&lt;episode time&gt;</c>, the episode
/// time being the cycle's start for an overdue one, the end for a not-withdrawn one and the status's start for an error.
/// The report matches a node's alerts to the plan by kind and node ID: a devnet minipool has one episode, so those two
/// name it even where a node cannot know the status log's time and reads an episode time from the record instead.
/// </summary>
public static class GoGoPoolAlertKeys
{
    /// <summary>The key of an alert of <paramref name="kind"/> on <paramref name="nodeId"/> in <paramref name="status"/> since <paramref name="episodeTime"/>.</summary>
    public static string Format(string kind, Address nodeId, GoGoMinipoolStatus status, ulong episodeTime) =>
        FormattableString.Invariant($"{kind}:{nodeId.ToLowerHex()}:{status.ToString().ToLowerInvariant()}:{episodeTime}");

    /// <summary>The kind and node ID part of <paramref name="key"/> (<c>&lt;kind&gt;:&lt;nodeId&gt;</c>, lower case), or the whole key, lower case, if it has no such form.</summary>
    public static string Identity(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':');
        return (parts.Length >= 2 ? $"{parts[0]}:{parts[1]}" : key).ToLowerInvariant();
    }
}
