using Akka.Actor;
using Akka.TestKit;
using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;
using Xunit;
using Address = Keeper.Chain.Primitives.Address;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// The beacon watcher on virtual time: one read per check, only changed records routed, final withdrawals looked for at
/// most once per epoch. An <see cref="Identify"/> answered after a check proves the check's handler ended (an async
/// handler holds the mailbox).
/// </summary>
public sealed class BeaconWatcherTests() : Akka.TestKit.Xunit2.TestKit("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(384);
    private static readonly byte[] Key0 = Enumerable.Repeat((byte)0xa0, 48).ToArray();
    private static readonly Address SecondMegapool = Address.Parse("0x00000000000000000000000000000000000000a2");
    private static readonly byte[] Key1 = Enumerable.Repeat((byte)0xa1, 48).ToArray();

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private static BeaconValidator Record(byte[] key, ulong index, ulong? withdrawable) =>
        (withdrawable is { } w ? ExitingRecord(w, index) : CompliantRecord(index) with { ActivationEpoch = 12, EffectiveBalance = 32_000_000_000 })
            with { Pubkey = new ValidatorPubkey(key) };

    private async Task<(IActorRef Watcher, TestProbe Registry)> StartAsync(FakeBeaconClient client, FakeWithdrawals withdrawals)
    {
        var registry = CreateTestProbe("registry");
        var watcher = registry.ChildActorOf(BeaconWatcher.Props(client, new BeaconSource(client, Beacon, Interval), withdrawals), "beacon-watcher");
        watcher.Tell(new BeaconCandidatesChanged(MegapoolAddress, [new BeaconCandidate(0, Key0, false), new BeaconCandidate(1, Key1, true)]));
        await SettledAsync(watcher);
        return (watcher, registry);
    }

    private async Task CheckAsync(IActorRef watcher)
    {
        Scheduler.Advance(Interval);
        await SettledAsync(watcher);
    }

    private static Task SettledAsync(IActorRef watcher) => watcher.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(20));

    [Fact]
    public async Task ChainTime_NewEpochChecksAtOnceWithoutTheTimer_FirstSeenAndSameEpochDoNot()
    {
        var client = new FakeBeaconClient { HeadSlot = 100 * 32 };
        client.Records[Key0] = Record(Key0, 7, null);
        client.Records[Key1] = Record(Key1, 8, null);
        var (watcher, registry) = await StartAsync(client, new FakeWithdrawals());
        var epoch100 = Beacon.EpochStartTime(100)!.Value;

        // A devnet moves chain time by days between wall-clock seconds: the first head of a new epoch asks, later heads of
        // it do not. The first head seen only sets the epoch (the timer covers the start).
        watcher.Tell(new BeaconCheckDue(Beacon.EpochStartTime(99)!.Value));
        await SettledAsync(watcher);
        Assert.Equal(0, client.ValidatorReads);
        watcher.Tell(new BeaconCheckDue(epoch100 + 12));
        await SettledAsync(watcher);
        await registry.ExpectMsgAsync<RouteBeaconFacts>();
        await registry.ExpectMsgAsync<RouteBeaconFacts>();
        watcher.Tell(new BeaconCheckDue(epoch100 + 24));
        await SettledAsync(watcher);
        Assert.Equal(1, client.ValidatorReads);

        watcher.Tell(new BeaconCheckDue(Beacon.EpochStartTime(2_000)!.Value));
        await SettledAsync(watcher);
        await SettledAsync(watcher);
        Assert.Equal(2, client.ValidatorReads);
    }

    [Fact]
    public async Task FirstCandidates_CheckedASecondLaterNotAnIntervalLater_ThenOncePerInterval()
    {
        var client = new FakeBeaconClient { HeadSlot = 100 * 32 };
        client.Records[Key0] = Record(Key0, 7, null);
        client.Records[Key1] = Record(Key1, 8, null);
        var (watcher, registry) = await StartAsync(client, new FakeWithdrawals());

        Scheduler.Advance(TimeSpan.FromMilliseconds(999));
        await SettledAsync(watcher);
        Assert.Equal(0, client.ValidatorReads);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        await SettledAsync(watcher);
        await registry.ExpectMsgAsync<RouteBeaconFacts>();
        await registry.ExpectMsgAsync<RouteBeaconFacts>();
        Assert.Equal(1, client.ValidatorReads);

        // More candidates do not start another timer; the next check is an interval after the first.
        watcher.Tell(new BeaconCandidatesChanged(SecondMegapool, [new BeaconCandidate(0, Key0, false)]));
        Scheduler.Advance(Interval - TimeSpan.FromSeconds(1));
        await SettledAsync(watcher);
        Assert.Equal(1, client.ValidatorReads);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await SettledAsync(watcher);
        Assert.Equal(2, client.ValidatorReads);
    }

    [Fact]
    public async Task Checks_OnlyChangesRoutedAndFinalWithdrawalLookedForOncePerEpoch()
    {
        var client = new FakeBeaconClient { HeadSlot = 100 * 32 };
        client.Records[Key0] = Record(Key0, 7, null);
        client.Records[Key1] = Record(Key1, 8, 90);
        var withdrawals = new FakeWithdrawals();
        var (watcher, registry) = await StartAsync(client, withdrawals);

        await CheckAsync(watcher);
        var first = new[] { await registry.ExpectMsgAsync<RouteBeaconFacts>(), await registry.ExpectMsgAsync<RouteBeaconFacts>() };
        Assert.Equal([0u, 1u], first.Select(r => r.ValidatorId).Order());
        Assert.Equal(client.Records[Key1], first.Single(r => r.ValidatorId == 1).Beacon);
        Assert.Equal([(8UL, 90UL * 32)], withdrawals.Asked);

        // Same epoch, only balances moved: nothing routed, nothing looked for again.
        client.Records[Key0] = client.Records[Key0] with { Balance = 32_000_100_000 };
        client.Records[Key1] = client.Records[Key1] with { Balance = 32_000_200_000 };
        await CheckAsync(watcher);
        Assert.False(registry.HasMessages, "a balance change alone decides no duty and must not be routed");
        Assert.Single(withdrawals.Asked);

        // The next epoch: validator 0's exit appears and validator 1's withdrawal is found.
        client.HeadSlot = 101 * 32;
        client.Records[Key0] = Record(Key0, 7, 500);
        withdrawals.Found = new WithdrawalLocation(95 * 32, 4, 32_000_000_000);
        await CheckAsync(watcher);
        var exit = await registry.ExpectMsgAsync<RouteBeaconFacts>();
        Assert.Equal((0u, 500UL), (exit.ValidatorId, exit.Beacon!.WithdrawableEpoch!.Value));
        Assert.Equal(new RouteFinalWithdrawal(MegapoolAddress, 1, withdrawals.Found), await registry.ExpectMsgAsync<RouteFinalWithdrawal>());
        Assert.Equal(2, withdrawals.Asked.Count);
        Assert.Equal(3, client.ValidatorReads);
    }

    [Fact]
    public async Task BeaconNodeFails_WatcherKeepsItsCandidatesAndReadsAgainAtTheNextCheck()
    {
        var client = new FakeBeaconClient { HeadSlot = 100 * 32, Failure = new BeaconApiException(BeaconFailureKind.Unavailable, "/eth/v1/beacon/headers/head", "connection refused", 3) };
        client.Records[Key0] = Record(Key0, 7, null);
        var withdrawals = new FakeWithdrawals { Failure = new InvalidOperationException("block not found") };
        var (watcher, registry) = await StartAsync(client, withdrawals);

        await CheckAsync(watcher);
        Assert.False(registry.HasMessages);
        client.Failure = null;
        client.Records[Key1] = Record(Key1, 8, 90);
        await CheckAsync(watcher);

        Assert.Equal([0u, 1u], new[] { await registry.ExpectMsgAsync<RouteBeaconFacts>(), await registry.ExpectMsgAsync<RouteBeaconFacts>() }.Select(r => r.ValidatorId).Order());
        Assert.Single(withdrawals.Asked);
        Assert.False(registry.HasMessages);
    }

    [Fact]
    public async Task Candidates_Dropped_NoMoreReads()
    {
        var client = new FakeBeaconClient { HeadSlot = 100 * 32 };
        var (watcher, _) = await StartAsync(client, new FakeWithdrawals());

        watcher.Tell(new BeaconCandidatesChanged(MegapoolAddress, []));
        await CheckAsync(watcher);

        Assert.Equal(0, client.ValidatorReads);
    }

    private sealed class FakeWithdrawals : IProofCallBuilder
    {
        public List<(ulong Index, ulong FromSlot)> Asked { get; } = [];

        public WithdrawalLocation? Found { get; set; }

        public Exception? Failure { get; set; }

        public Task<IReadOnlyList<ProvenCall>> BuildAsync(Address manager, IReadOnlyList<ProofCallRequest> requests, ulong executionHeadTime, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The watcher builds no calls.");

        public Task<WithdrawalLocation?> FindFinalWithdrawalAsync(ulong validatorIndex, ulong fromSlot, CancellationToken cancellationToken)
        {
            Asked.Add((validatorIndex, fromSlot));
            return Failure is { } failure ? Task.FromException<WithdrawalLocation?>(failure) : Task.FromResult(Found);
        }
    }

    private sealed class FakeBeaconClient : IBeaconClient
    {
        public Dictionary<byte[], BeaconValidator> Records { get; } = new(ByteArrayComparer.Instance);

        public ulong HeadSlot { get; set; }

        public Exception? Failure { get; set; }

        public int ValidatorReads { get; private set; }

        public Task<BeaconHeader> GetHeaderAsync(string blockId, CancellationToken cancellationToken) =>
            Failure is { } failure
                ? Task.FromException<BeaconHeader>(failure)
                : Task.FromResult(new BeaconHeader(Hash32.Zero, HeadSlot, 0, Hash32.Zero, Hash32.Zero, Hash32.Zero, true, false, null));

        public Task<IReadOnlyDictionary<ValidatorPubkey, BeaconValidator>> GetValidatorsAsync(IEnumerable<ValidatorPubkey> pubkeys, string stateId, CancellationToken cancellationToken)
        {
            ValidatorReads++;
            IReadOnlyDictionary<ValidatorPubkey, BeaconValidator> found = pubkeys
                .Where(p => Records.ContainsKey(p.ToArray()))
                .ToDictionary(p => p, p => Records[p.ToArray()]);
            return Task.FromResult(found);
        }

        public Task<BeaconGenesis> GetGenesisAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BeaconSpec> GetSpecAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BeaconSszObject> GetStateSszAsync(string stateId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BeaconSszObject> GetBlockSszAsync(string blockId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj[0];
    }
}
