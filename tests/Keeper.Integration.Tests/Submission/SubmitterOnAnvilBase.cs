using System.Numerics;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Integration.Tests.Submission;

/// <summary>
/// Each test gets its own anvil with the Rocket Pool harness, a SQLite journal in a temporary folder, and submitters
/// for one dev account. The test feeds heads itself, as the chain watcher does in the node. The actor system runs on
/// Akka's TestScheduler (no timer fires on its own); expectations wait up to 15 s of real time for the chain.
/// </summary>
public abstract class SubmitterOnAnvilBase : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected const ulong TimeBeforeDissolve = 600;

    private const string Config = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.test.single-expect-default = 15s
        """;

    private const string BarrierTask = "barrier";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);
    private readonly string _folder;
    private readonly TestProbe _barrier;
    private AnvilNode? _node;
    private int _instances;

    protected SubmitterOnAnvilBase()
        : this(Path.Combine(Path.GetTempPath(), "keeper-submitter-tests", Guid.NewGuid().ToString("N")))
    {
    }

    private SubmitterOnAnvilBase(string folder)
        : this(folder, SqlPersistenceConfig.PrepareSqliteAsync(Path.Combine(folder, "keeper.db"), CancellationToken.None).GetAwaiter().GetResult())
    {
    }

    private SubmitterOnAnvilBase(string folder, SqlStoreLocation store)
        : base(ConfigurationFactory.ParseString(Config).WithFallback(KeeperSerializer.Configuration).WithFallback(SqlPersistenceConfig.For(store)))
    {
        _folder = folder;
        Store = store;
        Gate = CreateTestProbe("gate");
        _barrier = CreateTestProbe("barrier");
    }

    protected DevChainClient Chain { get; private set; } = null!;

    protected RocketPoolHarness Harness { get; private set; } = null!;

    /// <summary>The journal's SQLite file (Akka.Persistence.Sql, as the node configures it).</summary>
    protected SqlStoreLocation Store { get; }

    protected TestProbe Gate { get; }

    protected PrivateKey Keeper => Chain.Keys[9];

    /// <summary>What the submitters may sign; a megapool joins it when it is tracked, as the chain watcher's stream adds it in the node.</summary>
    protected AllowList AllowList { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        Chain = new DevChainClient(_node);
        Harness = await RocketPoolHarness.DeployAsync(Chain, Chain.Keys[0]);
        AllowList = new AllowList(Harness.Deployment.MegapoolManager);
        await Harness.SetTimeBeforeDissolveAsync(TimeBeforeDissolve);
    }

    public async Task DisposeAsync()
    {
        // A submitter may be inside a journal or node call: stop the actors before the store and the node go.
        await ShutdownAsync(verifySystemShutdown: true);
        SqliteConnection.ClearAllPools();
        Chain.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    protected IActorRef StartSubmitter(int bumpAfterBlocks = 3)
    {
        var options = new SubmitterOptions(_node!.Options.ChainId)
        {
            ActWithoutReward = true,
            BumpAfterBlocks = bumpAfterBlocks,
        };
        var deps = new SubmitterDependencies(Keeper, Chain.Eth, new FeeOracle(Chain.Eth), AllowList);
        return Sys.ActorOf(Submitter.Props(options, deps), $"submitter-{++_instances}");
    }

    /// <summary>Stops <paramref name="submitter"/> after what it was sent so far (as a process stop would) and waits until it has.</summary>
    protected async Task StopAsync(IActorRef submitter)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(submitter);
        submitter.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(submitter);
    }

    /// <summary>
    /// A barrier: returns once <paramref name="submitter"/> has handled everything sent to it before, its recovery
    /// included. The submitter handles its mailbox in order, and an async handler holds the mailbox until it ends; while it
    /// recovers it stashes a <see cref="SubmitAction"/> and handles it in order once recovered (it answers
    /// <see cref="GetSubmitterStatus"/> at once, so a status would prove nothing then). A SubmitAction for a contract call
    /// off the allow-list is refused before the chain or the journal is touched.
    /// </summary>
    protected async Task SettledAsync(IActorRef submitter)
    {
        var offTheAllowList = new ContractCall(Keeper.Address, Hex.Decode("0xdeadbeef"), "barrier: a selector off the allow-list");
        _barrier.Send(submitter, new SubmitAction(BarrierTask, offTheAllowList, 0, BigInteger.Zero));
        await _barrier.ExpectMsgAsync<ActionNotSent>(m => m.TaskKey == BarrierTask, hint: "the barrier action refused once everything sent before was handled");
    }

    protected static async Task<SubmitterStatus> StatusAsync(IActorRef submitter) =>
        await submitter.Ask<SubmitterStatus>(GetSubmitterStatus.Instance, AskTimeout);

    /// <summary>
    /// A megapool validator assigned now, so dissolvable once the chain passes now + <see cref="TimeBeforeDissolve"/>; its
    /// megapool (dev account <paramref name="operatorKey"/>'s, one per operator) is on the allow-list unless <paramref name="tracked"/> is false.
    /// </summary>
    protected async Task<(ContractCall Call, ulong ValidAt)> AssignedValidatorAsync(bool tracked = true, int operatorKey = 1)
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[operatorKey].Address);
        if (tracked)
        {
            AllowList.AddMegapools([megapool]);
        }

        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        var info = await new Megapool(Chain.Eth, new BatchCaller(Chain.Eth, new BatchCallerOptions { Multicall3 = Harness.Multicall3 }), megapool)
            .GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);
        return (Megapool.DissolveValidator(megapool, id), info.LastAssignmentTime + TimeBeforeDissolve + 1);
    }

    /// <summary>A validator whose dissolve is valid at the next block, which is mined at exactly its first valid second.</summary>
    protected async Task<(SubmitAction Action, ContractCall Call)> DueActionAsync(string task, bool tracked = true)
    {
        var (call, validAt) = await AssignedValidatorAsync(tracked);
        await Chain.SetNextBlockTimestampAsync(validAt);
        return (new SubmitAction(task, call, validAt, BigInteger.Zero), call);
    }

    protected async Task<ulong> HeadAsync(IActorRef submitter)
    {
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        submitter.Tell(new SubmitterHead(head.Number, head.Timestamp));
        await SettledAsync(submitter);
        return head.Number;
    }

    protected async Task MineAsync(IActorRef submitter, int blocks = 1)
    {
        for (var i = 0; i < blocks; i++)
        {
            await Chain.MineAsync();
            await HeadAsync(submitter);
        }
    }

    protected Task<ulong> KeeperNonceAsync(BlockTag block) => Chain.Eth.GetTransactionCountAsync(Keeper.Address, block, CancellationToken.None);

    protected async Task<bool> WouldSucceedAsync(ContractCall call)
    {
        try
        {
            await Chain.Eth.CallAsync(new CallRequest(call.To, call.Data, Keeper.Address), BlockTag.Latest, CancellationToken.None);
            return true;
        }
        catch (Keeper.Chain.Rpc.JsonRpcNodeException)
        {
            return false;
        }
    }

    protected Task SetNextBaseFeeAsync(BigInteger wei) =>
        Chain.Rpc.SendAsync("anvil_setNextBlockBaseFeePerGas", [Hex.EncodeQuantity(wei)], CancellationToken.None);

    protected Task<IReadOnlyList<SubmissionEvent>> JournalAsync() => JournalRows.SubmissionEventsAsync(Store, Submitter.PersistenceIdFor(Keeper.Address));
}
