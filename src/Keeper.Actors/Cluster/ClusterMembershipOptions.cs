using Akka.Actor;
using Akka.Cluster;

namespace Keeper.Actors.Cluster;

/// <summary>What <see cref="ClusterMembership"/> needs.</summary>
/// <param name="Gate">The submission gate, told every change of its members or of the store's reachability.</param>
/// <param name="Submitter">
/// This node's <see cref="DeferredSubmitter"/>, told <see cref="StartSubmitter"/> once this node is Up and no older member
/// signs for its key.
/// </param>
/// <param name="Store">Asks the shared store whether it answers.</param>
/// <param name="ProbeInterval">How often the store is asked.</param>
/// <param name="ProbeTimeout">How long one question may take before the store counts as unreachable.</param>
public sealed record ClusterMembershipOptions(IActorRef Gate, IActorRef Submitter, IStoreProbe Store, TimeSpan ProbeInterval, TimeSpan ProbeTimeout)
{
    /// <summary>
    /// The gate and deferred submitter of each other chain this node acts on (GoGoPool's): they follow the same membership,
    /// so turns rotate over the same members, and their submitters start together with <see cref="Submitter"/>.
    /// </summary>
    public IReadOnlyList<(IActorRef Gate, IActorRef Submitter)> OtherChains { get; init; } = [];

    /// <summary>This node's member address; null: the actor system's own (Akka.Cluster's <c>SelfUniqueAddress</c>).</summary>
    public UniqueAddress? Self { get; init; }

    /// <summary>
    /// False in unit tests that feed the cluster's events by hand; true subscribes to Akka.Cluster's events and sends a
    /// <see cref="MemberHeartbeat"/> to the members it learns of (hand-made members have no node to send to).
    /// </summary>
    public bool Subscribe { get; init; } = true;

    /// <summary>How long this node may wait to be Up before it warns that it tracks the chain but sends nothing.</summary>
    public TimeSpan UpWarningAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often this node tells the other keeper members it is alive (<see cref="MemberHeartbeat"/>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);
}
