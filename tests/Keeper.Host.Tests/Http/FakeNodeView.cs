using System.Numerics;
using Akka.Cluster;
using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Http;
using Keeper.Host.Node;

namespace Keeper.Host.Tests.Http;

/// <summary>A node view whose state the test sets; counts receipt reads.</summary>
internal sealed class FakeNodeView : INodeView
{
    public static readonly Address Self = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    public static readonly Address Other = Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    public static readonly Address Megapool = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    public static readonly Address Minipool = Address.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");

    public bool IsAlive { get; set; } = true;

    public NodeStatus Status { get; set; } = new(
        "node-1", Self.ToString(), Ready: true, HeadNumber: 120, HeadTimestamp: 1_700_000_000, Megapools: 3, Minipools: 2, LiveTrackers: 4,
        Duties: 3, DutiesDue: 1, Members: [Self.ToString(), Other.ToString()], StoreReachable: true, GateTurns: 7, Claims: 2, Succeeded: 1,
        PendingTransactions: 1, Transactions: 3, RpcRequests: 4321, RpcErrors: 5)
    {
        Cluster = ["node-1 Up", "node-2 Up", "node-3 Unreachable (Up)"],
    };

    public DutiesSnapshot Duties { get; set; } = new(1_700_000_012, [
        (new Duty("dissolve:minipool:" + Minipool.ToLowerHex(), DutyKind.DissolveMinipool, Minipool, null, 1_700_000_010), true),
        (new Duty("dissolve:megapool:" + Megapool.ToLowerHex() + ":1", DutyKind.DissolveMegapoolValidator, Megapool, 1, 1_700_003_612), false),
        (new Duty("dissolve:megapool:" + Megapool.ToLowerHex() + ":0", DutyKind.DissolveMegapoolValidator, Megapool, 0, 1_700_000_112, Reward: new BigInteger(5)), false),
    ]) { SlotSeconds = 12 };

    public static readonly Address Gone = Address.Parse("0x90F79bf6EB2c4f870365E785982E1f101E93b906");

    public GateStatus Gate { get; set; } = new([Other, Self], true, [new GateTaskView("dissolve:minipool:" + Minipool.ToLowerHex(), 1_700_000_010, "in-flight", 3, Other)], 7, 2, 1);

    // Self and Other take turns; a third member is unreachable (killed, not yet downed).
    public ClusterMembers Cluster { get; set; } = new("akka.tcp://keeper@127.0.0.1:4001", [
        new KeeperMember(Node(4001), "node-1", Self, MemberStatus.Up, true),
        new KeeperMember(Node(4002), "node-2", Other, MemberStatus.Up, true),
        new KeeperMember(Node(4003), "node-3", Gone, MemberStatus.Up, false),
    ], true)
    {
        // node-2 was heard 2.5 s ago; node-3 never.
        LastHeard = new Dictionary<string, DateTimeOffset> { ["akka.tcp://keeper@127.0.0.1:4002"] = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_097_500) },
        At = DateTimeOffset.FromUnixTimeSeconds(1_700_000_100),
    };

    public SubmitterStatus Submitter { get; set; } = new(Self, 3, [
        new TransactionRecord("dissolve:megapool:" + Megapool.ToLowerHex() + ":2", 0, Hash(1), TransactionState.Succeeded, 2_000_000_000, 100_000_000, 100, 50_000, 0)
        {
            EffectiveGasPrice = 1_500_000_000,
            Fee = 50_000L * 1_500_000_000,
        },
        new TransactionRecord(null, 1, Hash(2), TransactionState.Cancelled, 3_000_000_000, 200_000_000, 110, 21_000, 1)
        {
            EffectiveGasPrice = 2_000_000_000,
            Fee = 21_000L * 2_000_000_000,
        },
        new TransactionRecord("dissolve:minipool:" + Minipool.ToLowerHex(), 2, Hash(3), TransactionState.Pending, 2_500_000_000, 100_000_000, null, null, 0),
    ]);


    public OwnStatus Own { get; set; } = OwnStatus.Empty;

    // The watcher saw the chain tip at the head: synced.
    public WatcherHead Watcher { get; set; } = new(null) { ChainTip = 120, LastPollSucceeded = DateTimeOffset.FromUnixTimeSeconds(1_700_000_029) };

    public IReadOnlyList<RpcEndpointStatus> RpcEndpoints { get; set; } =
        [new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", DateTimeOffset.FromUnixTimeSeconds(1_700_000_029), null, 0)];

    public IReadOnlyList<NodePartStatus> Parts { get; set; } = [];

    public DateTimeOffset? OldestPendingSince { get; set; } = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    /// <summary>0.04 ETH read at block 120, below the 0.05 ETH floor.</summary>
    public static readonly SignerBalance LowBalance =
        new(Self, SignerBalanceState.BelowFloor, 40_000_000_000_000_000, 120, DateTimeOffset.FromUnixTimeSeconds(1_700_000_001), 50_000_000_000_000_000);

    /// <summary>The balance on the board; none read yet by default.</summary>
    public SignerBalance? Balance { get; set; }

    /// <summary>The store the history is read from (a real claim store in tests that use it); none: no history.</summary>
    public IClaimStore? Claims { get; set; }

    public Task<IReadOnlyList<ClaimHistoryEntry>> GetHistoryAsync(DateTimeOffset since, DateTimeOffset? until, int limit, CancellationToken cancellationToken) =>
        Claims?.GetHistoryAsync(since, until, limit, cancellationToken) ?? Task.FromResult<IReadOnlyList<ClaimHistoryEntry>>([]);

    public static readonly Address OtherMegapool = Address.Parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");

    // The own operator after a dissolve (3 ETH refund, 0.05 ETH penalty); another with credit from a dequeue, and one not read yet.
    public OperatorAccountsView Operators { get; set; } = new([
        new OperatorAccount(Megapool, Self, true, BigInteger.Zero, BigInteger.Parse("50000000000000000"), BigInteger.Parse("3000000000000000000"), 118, null),
        new OperatorAccount(OtherMegapool, Other, false, BigInteger.Parse("4000000000000000000"), BigInteger.Zero, BigInteger.Zero, 118, null),
        new OperatorAccount(Minipool, null, false, null, null, null, 0, null),
    ], 120);

    public static Hash32 Hash(byte n)
    {
        var bytes = new byte[32];
        bytes[31] = n;
        return new Hash32(bytes);
    }


    private static UniqueAddress Node(int port) => new(new Akka.Actor.Address("akka.tcp", "keeper", "127.0.0.1", port), port);
}
