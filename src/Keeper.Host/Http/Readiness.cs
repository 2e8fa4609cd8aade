using System.Globalization;

namespace Keeper.Host.Http;

/// <summary>Evaluates every registered <see cref="ReadinessRule"/> against the node: what <c>/ready</c> and <c>keeper_ready</c> report.</summary>
/// <param name="node">The node.</param>
/// <param name="rules">The rules, in registration order.</param>
/// <param name="time">This host's clock.</param>
public sealed class Readiness(INodeView node, IEnumerable<ReadinessRule> rules, TimeProvider time)
{
    private readonly ReadinessRule[] _rules = rules.ToArray();

    /// <summary>Why the node is not ready, every reason that applies; empty when it is ready.</summary>
    public IReadOnlyList<string> NotReadyReasons()
    {
        var now = time.GetUtcNow();
        return _rules.Select(rule => rule(node, now)).OfType<string>().ToArray();
    }

    /// <summary>What a ready node reports.</summary>
    public string ReadyDescription() => string.Create(CultureInfo.InvariantCulture, $"synced at block {node.Status.HeadNumber}");
}
