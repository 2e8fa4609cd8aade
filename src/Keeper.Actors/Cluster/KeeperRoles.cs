using Keeper.Chain.Primitives;

namespace Keeper.Actors.Cluster;

/// <summary>
/// The roles a keeper node joins the cluster with: <c>keeper</c>, its signing address and its node id (the id its claims
/// are recorded under). Every member reads the same roles from the gossip, so every member orders the gate's members the
/// same way and knows whose claims belong to a live member.
/// </summary>
public static class KeeperRoles
{
    /// <summary>The role every keeper node has; members without it take no turns.</summary>
    public const string Keeper = "keeper";

    /// <summary>The prefix of the role carrying the signing address: <c>keeper-signer:0x…</c> (lowercase hex).</summary>
    public const string SignerPrefix = "keeper-signer:";

    /// <summary>The prefix of the role carrying the node id: <c>keeper-node:…</c>.</summary>
    public const string NodePrefix = "keeper-node:";

    /// <summary>The roles of a node signing as <paramref name="signer"/> with id <paramref name="nodeId"/>.</summary>
    public static IReadOnlyList<string> For(Address signer, string nodeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        return [Keeper, SignerPrefix + signer.ToLowerHex(), NodePrefix + nodeId];
    }

    /// <summary>
    /// Reads a member's signing address and node id from its roles; false for a member that is not a keeper or whose roles
    /// are incomplete (such a member takes no turns).
    /// </summary>
    public static bool TryRead(IEnumerable<string> roles, out Address signer, out string nodeId)
    {
        ArgumentNullException.ThrowIfNull(roles);
        signer = default;
        nodeId = string.Empty;
        var keeper = false;
        var hasSigner = false;
        foreach (var role in roles)
        {
            if (role == Keeper)
            {
                keeper = true;
            }
            else if (role.StartsWith(SignerPrefix, StringComparison.Ordinal) && Address.TryParse(role[SignerPrefix.Length..], out var parsed))
            {
                (signer, hasSigner) = (parsed, true);
            }
            else if (role.StartsWith(NodePrefix, StringComparison.Ordinal) && role.Length > NodePrefix.Length)
            {
                nodeId = role[NodePrefix.Length..];
            }
        }

        return keeper && hasSigner && nodeId.Length > 0;
    }
}
