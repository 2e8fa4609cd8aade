using Akka.Cluster;
using Akka.Actor;
using Akka.Hosting;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Host.Devnet;
using Keeper.Host.Hosting;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Keeper.Integration.Tests.Host;

/// <summary>
/// The host <c>keeper run</c> builds (<see cref="KeeperHost"/>), in this process, on a devnet node's files: anvil with the
/// harness, one megapool validator awaiting its stake, a SQLite store, and an operator's <c>akka { }</c> section.
/// </summary>
public sealed class KeeperHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _work = Directory.CreateTempSubdirectory("keeper-host-").FullName;
    private AnvilNode? _anvil;
    private DevChainClient? _chain;
    private string _config = string.Empty;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_anvil);
        var harness = await RocketPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
        var megapool = await harness.CreateMegapoolAsync(_chain.Keys[5].Address);
        await harness.AssignAsync(megapool, await harness.NewValidatorAsync(megapool));
        _config = NodeFiles.Write(_work, "node-1", _chain.Keys[1], _anvil.RpcUrl, harness, NodeFiles.Sqlite(Path.Combine(_work, "keeper.db")), blockSeconds: 2, gateEnabled: true,
            "chain.poll-interval = 100ms");
        // The operator's akka section outranks Keeper's journal settings.
        await File.AppendAllTextAsync(_config, "\nakka.persistence.journal.sql.circuit-breaker.call-timeout = 45s\n");
    }

    public async Task DisposeAsync()
    {
        _chain?.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Started_ServicesResolveTheActorRegistryWithEveryActor_AndStopLeavesTheCluster()
    {
        var settings = KeeperSettingsLoader.Load(_config);
        await using var app = KeeperHost.Build(settings, NodeSigner.Load(settings.Signer), new KeeperHostOptions());
        using var timeout = new CancellationTokenSource(Patience);

        await app.PrepareAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var registry = app.Services.GetRequiredService<ActorRegistry>();
        var expected = new Dictionary<Type, string>
        {
            [typeof(SchedulerMarker)] = "scheduler",
            [typeof(PoolRegistryMarker)] = "registry",
            [typeof(SubmitterMarker)] = "submitter",
            [typeof(GateMarker)] = "gate",
            [typeof(ClusterMembershipMarker)] = "cluster-membership",
            [typeof(OwnDeadlinesMarker)] = "own-deadlines",
            [typeof(SignerBalanceMarker)] = "signer-balance",
            [typeof(OperatorAccountsMarker)] = "operator-accounts",
            [typeof(WatcherMarker)] = "watcher",
        };
        Assert.Equal(
            expected.OrderBy(e => e.Value, StringComparer.Ordinal).Select(e => (e.Key, $"akka://keeper/user/{e.Value}")),
            registry.OrderBy(e => e.Value.Path.Name, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Path.ToString())));

        var node = app.Services.GetRequiredService<KeeperNode>();
        // The board takes each part's answer within a publishing period, the registry's pools just after the watcher's head.
        var status = await WaitForAsync(node, s => s.Ready && s.Members.Count == 1 && s.Cluster.Count == 1 && s.Megapools == 1, timeout.Token);
        Assert.Equal((1, 0, node.Address.ToString()), (status.Megapools, status.Minipools, Assert.Single(status.Members)));
        // The signer's balance, read from the chain at start and at heads (anvil funds its dev accounts).
        var balance = await BalanceReadAsync(node, timeout.Token);
        Assert.Equal((node.Address, SignerBalanceState.Ok), (balance.Account, balance.State));
        Assert.True(balance.Wei > Keeper.Chain.Primitives.Ether.WeiPerEther, $"expected the funded dev account's balance, got {balance.Wei} wei");
        // The HTTP surface of the same host, with its live and ready checks apart.
        using var http = new HttpClient { BaseAddress = app.Services.GetRequiredService<IServer>().KeeperHttpAddress() };
        Assert.Equal("""{"status":"Healthy","reason":"the actor system runs"}""", await http.GetStringAsync("/health", timeout.Token));
        Assert.StartsWith("""{"status":"Healthy","reason":"synced at block """, await http.GetStringAsync("/ready", timeout.Token), StringComparison.Ordinal);
        // Alone, the node is a cluster of one: itself, Up, with its roles.
        var member = Assert.Single(node.Board.Cluster.Members);
        Assert.Equal(("node-1", node.Address, MemberStatus.Up, true), (member.NodeId, member.Signer, member.Status, member.Reachable));

        var system = app.Services.GetRequiredService<ActorSystem>();
        var cluster = Akka.Cluster.Cluster.Get(system);
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());
        var config = system.Settings.Config;
        Assert.Equal(SqlPersistenceConfig.JournalPluginId, config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal(TimeSpan.FromSeconds(45), config.GetTimeSpan("akka.persistence.journal.sql.circuit-breaker.call-timeout"));
        // Akka.Persistence.Sql's reference configuration is still behind Keeper's.
        Assert.Equal("Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql", config.GetString("akka.persistence.journal.sql.class"));
        Assert.IsType<KeeperSerializer>(system.Serialization.FindSerializerForType(typeof(SubmissionEvent)));
        Assert.StartsWith("Akka.Hosting.Logging.LoggerFactoryLogger, Akka.Hosting", Assert.Single(config.GetStringList("akka.loggers")), StringComparison.Ordinal);

        await app.StopAsync(timeout.Token);

        Assert.True(system.WhenTerminated.IsCompleted, "the host stopped but the actor system still runs");
        // The node left the cluster gracefully (coordinated shutdown's cluster-leave phase), so others take its turns at once.
        await removed.Task.WaitAsync(timeout.Token);
        // Leaving, then Exiting and Removed: a member that was downed or crashed never passes through those.
        Assert.Contains(cluster.SelfMember.Status, new[] { MemberStatus.Leaving, MemberStatus.Exiting, MemberStatus.Removed });
    }

    private static async Task<SignerBalance> BalanceReadAsync(KeeperNode node, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (node.Board.Balance is { State: not SignerBalanceState.Unknown } balance)
            {
                return balance;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    // The node's board is refreshed every second; its status never waits on an actor.
    private static async Task<NodeStatus> WaitForAsync(KeeperNode node, Func<NodeStatus, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = node.GetStatus();
            if (done(status))
            {
                return status;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
