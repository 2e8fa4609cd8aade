using System.Reflection;
using System.Collections.Immutable;
using Akka.Cluster;
using Keeper.Actors.Cluster;
using AkkaAddress = Akka.Actor.Address;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Cluster;

/// <summary>Akka.Cluster members with keeper roles, built by hand for feeding cluster events to actors and views.</summary>
internal static class TestMembers
{
    public static Address Signer(byte b)
    {
        var bytes = new byte[20];
        bytes[19] = b;
        return new Address(bytes);
    }

    public static UniqueAddress Node(int port, int uid = 1) => new(new AkkaAddress("akka.tcp", "keeper", "127.0.0.1", port), uid);

    /// <summary>A keeper member on port 4000 + <paramref name="b"/>, signing as <see cref="Signer"/>(b), node id "node-b".</summary>
    public static Member Member(byte b, MemberStatus status, int uid = 1) =>
        Create(Node(4000 + b, uid), status, KeeperRoles.For(Signer(b), $"node-{b}"));

    /// <summary>
    /// A keeper member on port <paramref name="port"/> signing as <see cref="Signer"/>(<paramref name="signer"/>) (another
    /// node started with that node's key), moved Up as the <paramref name="upNumber"/>-th member.
    /// </summary>
    public static Member Twin(byte signer, int port, MemberStatus status, int upNumber) =>
        Create(Node(port), status, KeeperRoles.For(Signer(signer), $"node-{port}"), upNumber);

    /// <summary>Like <see cref="Member(byte, MemberStatus, int)"/>, moved Up as the <paramref name="upNumber"/>-th member.</summary>
    public static Member Aged(byte b, MemberStatus status, int upNumber) =>
        Create(Node(4000 + b), status, KeeperRoles.For(Signer(b), $"node-{b}"), upNumber);

    /// <summary>A member without the keeper roles (another application in the same cluster).</summary>
    public static Member Other(int port, MemberStatus status) =>
        Create(Node(port), status, ["other"]);

    // Akka.Cluster makes members only from gossip (its factory is internal); the tests need members in given states.
    private static Member Create(UniqueAddress node, MemberStatus status, IEnumerable<string> roles, int upNumber = 1) =>
        (Member)typeof(Member).GetMethod("Create", BindingFlags.Static | BindingFlags.NonPublic, [typeof(UniqueAddress), typeof(int), typeof(MemberStatus), typeof(ImmutableHashSet<string>), typeof(Akka.Util.AppVersion)])!
            .Invoke(null, [node, upNumber, status, roles.ToImmutableHashSet(), Akka.Util.AppVersion.Zero])!;

    public static ClusterEvent.CurrentClusterState State(IEnumerable<Member> members, IEnumerable<Member>? unreachable = null) =>
        new(ImmutableSortedSet.CreateRange(members), (unreachable ?? []).ToImmutableHashSet(), ImmutableHashSet<AkkaAddress>.Empty, null, ImmutableDictionary<string, AkkaAddress>.Empty);
}
