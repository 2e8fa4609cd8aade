using System.Numerics;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.Logging;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tests.Logging;
using Keeper.Actors.Tests.Persistence;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Submission;

/// <summary>
/// A submitter on a <see cref="FakeChain"/>, journaling through Akka.Persistence.Sql into a SQLite file in a temporary
/// folder (the node's own configuration), in an actor system on Akka's TestScheduler (no timer fires unless a test
/// advances it) whose actors log into <see cref="Logs"/>.
/// </summary>
public abstract class SubmitterTestBase : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    // Anvil's first dev account (public test key).
    protected static readonly PrivateKey Key = PrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    protected static readonly Address MegapoolAddress = Address.Parse("0x00000000000000000000000000000000000000a1");
    protected static readonly BigInteger Cap = 100_000_000_000; // 100 gwei

    // Expectations wait in real time: a journal write on a loaded 2-core machine (and linq2db's first use) can take seconds.
    private const string VirtualTime = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.test.single-expect-default = 20s
        """;
    private const string BarrierTask = "barrier";
    private static readonly ContractCall OffTheAllowList = new(MegapoolAddress, Hex.Decode("0xdeadbeef"), "barrier: a selector off the allow-list");

    private readonly TempStoreFolder _folder;
    private readonly TestProbe _barrier;
    private int _instances;

    protected SubmitterTestBase()
        : this(new CapturingLoggerFactory(), new TempStoreFolder())
    {
    }

    private SubmitterTestBase(CapturingLoggerFactory logs, TempStoreFolder folder)
        : this(logs, folder, SqlPersistenceConfig.PrepareSqliteAsync(folder.StorePath, CancellationToken.None).GetAwaiter().GetResult())
    {
    }

    private SubmitterTestBase(CapturingLoggerFactory logs, TempStoreFolder folder, SqlStoreLocation store)
        : base(ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString(VirtualTime).WithFallback(KeeperSerializer.Configuration).WithFallback(SqlPersistenceConfig.For(store))),
            new KeeperLoggingSetup(logs)))
    {
        _folder = folder;
        Store = store;
        Logs = logs;
        Gate = CreateTestProbe("gate");
        _barrier = CreateTestProbe("barrier");
    }

    internal FakeChain Chain { get; } = new();

    internal CapturingLoggerFactory Logs { get; }

    /// <summary>The journal's SQLite file.</summary>
    protected SqlStoreLocation Store { get; }

    protected TestProbe Gate { get; }

    protected static ContractCall Dissolve(uint validator = 7) => Megapool.DissolveValidator(MegapoolAddress, validator);

    protected static string TaskKey(uint validator = 7) => $"dissolve:megapool:{MegapoolAddress.ToLowerHex()}:{validator}";

    protected static SubmitterOptions Options() => new(31337) { ActWithoutReward = true };

    /// <summary>What the submitter may sign: <see cref="MegapoolAddress"/> is tracked from the start.</summary>
    protected AllowList AllowList { get; } = NewAllowList();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        // A submitter may be inside a journal call: stop the actors before the store goes.
        await ShutdownAsync(verifySystemShutdown: true);
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static AllowList NewAllowList()
    {
        var list = new AllowList(Address.Parse("0x00000000000000000000000000000000000000b2"));
        list.AddMegapools([MegapoolAddress]);
        return list;
    }

    /// <summary>The one place a test submitter is made: a new instance on the test's chain and journal.</summary>
    protected IActorRef StartSubmitter(SubmitterOptions? options = null)
    {
        var eth = new EthApi(Chain);
        var fees = new FeeOracle(eth, new FeeOracleOptions { MaxFeePerGasCap = Cap, MinPriorityFeePerGas = 1 });
        var deps = new SubmitterDependencies(Key, eth, fees, AllowList) { ResendGuard = ResendGuard, LegacyJournal = LegacyJournal };
        return Sys.ActorOf(Submitter.Props(options ?? Options(), deps), $"submitter-{++_instances}");
    }

    /// <summary>Stops <paramref name="submitter"/> after what it was sent so far (as a process stop would) and waits until it has.</summary>
    protected async Task StopAsync(IActorRef submitter)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(submitter);
        submitter.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(submitter);
    }

    /// <summary>A fault point hook: throws at <paramref name="at"/> while <paramref name="remaining"/> crashes are left, as a crash there would.</summary>
    protected static void CrashAt(string point, string at, ref int remaining)
    {
        if (point == at && remaining > 0)
        {
            remaining--;
            throw new InvalidOperationException($"simulated crash at {point}");
        }
    }

    protected static SubmitAction Action(uint validator = 7, BigInteger? reward = null) =>
        new(TaskKey(validator), Dissolve(validator), 1_000_000, reward ?? BigInteger.Zero);

    protected async Task<ActionSent> SubmitAsync(IActorRef submitter, uint validator = 7)
    {
        Gate.Send(submitter, Action(validator));
        return await Gate.ExpectMsgAsync<ActionSent>(hint: "the action to be sent");
    }

    /// <summary>
    /// A barrier: returns once <paramref name="submitter"/> has handled everything sent to it before, its recovery
    /// included (after a start or a crash). The submitter handles its mailbox in order, and an async handler holds the
    /// mailbox until it ends; while it recovers it stashes a <see cref="SubmitAction"/> and handles it in order once
    /// recovered (it answers <see cref="GetSubmitterStatus"/> at once, so a status would prove nothing then). A
    /// SubmitAction whose selector is off the allow-list is refused before the chain or the journal is touched.
    /// </summary>
    protected async Task SettledAsync(IActorRef submitter)
    {
        _barrier.Send(submitter, new SubmitAction(BarrierTask, OffTheAllowList, 0, BigInteger.Zero));
        await _barrier.ExpectMsgAsync<ActionNotSent>(m => m.TaskKey == BarrierTask, hint: "the barrier action refused once everything sent before was handled");
    }

    /// <summary>Mines <paramref name="blocks"/> blocks, telling the submitter about each head and letting it finish.</summary>
    protected async Task MineAsync(IActorRef submitter, int blocks = 1)
    {
        for (var i = 0; i < blocks; i++)
        {
            var number = Chain.Mine();
            submitter.Tell(new SubmitterHead(number, number * 12));
            await SettledAsync(submitter);
        }
    }

    protected async Task HeadAsync(IActorRef submitter)
    {
        submitter.Tell(new SubmitterHead(Chain.Head, Chain.Head * 12));
        await SettledAsync(submitter);
    }

    /// <summary>The guard the next started submitter asks before re-sending; null re-sends as is.</summary>
    protected IResendGuard? ResendGuard { get; set; }

    /// <summary>The old journal the next started submitter imports from; null: none.</summary>
    protected ILegacyJournal? LegacyJournal { get; set; }

    /// <summary>The submitter's events as Akka.Persistence.Sql stored them, read from the journal table itself.</summary>
    protected Task<IReadOnlyList<SubmissionEvent>> JournalAsync() => JournalRows.SubmissionEventsAsync(Store, Submitter.PersistenceIdFor(Key.Address));

    protected static async Task<SubmitterStatus> StatusAsync(IActorRef submitter) =>
        await submitter.Ask<SubmitterStatus>(GetSubmitterStatus.Instance, TimeSpan.FromSeconds(3));
}
