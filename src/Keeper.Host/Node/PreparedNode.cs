using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Cluster;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;

namespace Keeper.Host.Node;

/// <summary>
/// What <see cref="KeeperNode.PrepareAsync"/> found and opened before the actor system starts (the store it prepared and
/// bound is <see cref="StoreSettings.Location"/>); the actors are wired from it.
/// </summary>
/// <param name="ChainId">The chain's id (<c>eth_chainId</c>).</param>
/// <param name="Deployment">The Rocket Pool contracts resolved through RocketStorage.</param>
/// <param name="Snapshots">The scope of this node's snapshot persistence ids in the shared store.</param>
/// <param name="Claims">The gate's claims.</param>
/// <param name="StoreProbe">Asks the shared store whether it answers.</param>
/// <param name="Beacon">The beacon node, or null when none is configured.</param>
/// <param name="LegacyJournal">The journal of stores written before Akka.Persistence, which the submitter imports from once.</param>
public sealed record PreparedNode(
    ulong ChainId, RocketPoolDeployment Deployment, SnapshotScope Snapshots, IClaimStore Claims, IStoreProbe StoreProbe, BeaconSource? Beacon,
    ILegacyJournal LegacyJournal)
{
    /// <summary>What was found on GoGoPool's chain (keeper.gogopool), or null when it is off.</summary>
    public Keeper.Host.GoGoPool.GoGoPoolPrepared? GoGoPool { get; init; }

    /// <summary>The megapools of the own node addresses (keeper.own); empty when own mode is off.</summary>
    public IReadOnlySet<Keeper.Chain.Primitives.Address> OwnMegapools { get; init; } = new HashSet<Keeper.Chain.Primitives.Address>();

    /// <summary>
    /// The operators listed first in /api/operators, each megapool with its node address: those of keeper.own, or with own
    /// mode off the signing account's.
    /// </summary>
    public IReadOnlyDictionary<Keeper.Chain.Primitives.Address, Keeper.Chain.Primitives.Address> OwnOperators { get; init; } =
        new Dictionary<Keeper.Chain.Primitives.Address, Keeper.Chain.Primitives.Address>();
}
