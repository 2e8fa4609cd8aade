using Keeper.Actors.Gate;
using Keeper.Actors.Tracking;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Postgres;
using Keeper.Integration.Tests.Node;
using Keeper.Testing.Net;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>Real keeper processes in one Akka cluster sharing one round-robin: a dead holder's turn passes on, a node cut off from the store sends nothing.</summary>
public sealed class ClusterFailoverTests : KeeperProcessTestBase
{
    private const ulong Window = BlockSeconds * 3;

    [Fact]
    public async Task HolderKilledWithAPendingAction_TheNextHolderDoesItWithinOneWindowPlusOneBlock_AndNeverTwice()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var members = GateMath.Order([Chain.Keys[1].Address, Chain.Keys[2].Address, Chain.Keys[3].Address]);
        var holder = IndexOf(GateMath.Holder(GateMath.Seed(TaskKeys.DissolveMegapoolValidator(megapool, id)), 0, members));
        var nodes = new Dictionary<int, NodeProcess>();
        foreach (var i in new[] { 1, 2, 3 })
        {
            var fault = i == holder ? new Dictionary<string, string> { [RunCommand.FaultVariable] = "after-journal-created" } : null;
            nodes[i] = await StartKeeperAsync(i, FastStoreProbe, fault);
        }

        await WaitForMembersAsync(nodes.Values, 3);
        await ManualMiningAsync();
        var survivor = nodes.First(n => n.Key != holder).Value;

        // The holder claims window 0, journals its transaction and dies before sending it: its claim stays pending.
        await MineAtAsync(dueAt - BlockSeconds, null);
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await nodes[holder].WaitForExitAsync(exited.Token);
        }

        await WaitForMembersAsync(nodes.Where(n => n.Key != holder).Select(n => n.Value), 2);
        foreach (var (_, node) in nodes.Where(n => n.Key != holder))
        {
            await WaitForDownedAsync(node, $"node-{holder}");
        }
        for (var t = dueAt; t < dueAt + Window; t += BlockSeconds)
        {
            await MineAtAsync(t, survivor);
            Assert.False(await DissolvedAsync(megapool, id), "nobody may act while the dead holder's window lasts");
        }

        // Window 1 begins: its holder takes the stale claim over and acts.
        var deadline = dueAt + Window + Window + BlockSeconds;
        for (var t = dueAt + Window; t <= deadline && !await DissolvedAsync(megapool, id); t += BlockSeconds)
        {
            await MineAtAsync(t, survivor);
            await Task.Delay(300);
        }

        Assert.True(await DissolvedAsync(megapool, id), $"not done by the end of the next window plus a block:\n{Log("node-1")}\n{Log("node-2")}\n{Log("node-3")}");
        var sent = 0UL;
        foreach (var i in new[] { 1, 2, 3 })
        {
            sent += await NonceAsync(i, BlockTag.Pending);
        }

        Assert.Equal(1UL, sent);
    }

    [Fact]
    public async Task NodeCutOffFromPostgres_SendsNothingWhileCutOff_TheOtherDoesEverything()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var connection = await postgres.CreateDatabaseAsync("keeper");
        await using var proxy = TcpProxy.Start(postgres.Port);
        var viaProxy = connection.Replace($"Port={postgres.Port}", $"Port={proxy.Port}", StringComparison.Ordinal);
        Assert.NotEqual(connection, viaProxy);
        var validators = new List<(Address Megapool, uint Id, ulong DueAt)>();
        for (var i = 0; i < 4; i++)
        {
            validators.Add(await PrestakedValidatorAsync());
        }

        var cutOff = await StartKeeperAsync(1, FastStoreProbe, null, NodeFiles.Postgres(viaProxy));
        var other = await StartKeeperAsync(2, FastStoreProbe, null, NodeFiles.Postgres(connection));
        await WaitForMembersAsync([cutOff, other], 2);
        await ManualMiningAsync();

        // Cut off from the store it stays a cluster member: its windows pass to the other node when they end.
        proxy.Cut();
        await WaitUntilAsync(() => Task.FromResult(cutOff.Status is { StoreReachable: false }), TimeSpan.FromSeconds(30),
            () => $"the node cut off from the store still counts it reachable:\n{Log("node-1")}");
        var first = validators.Min(v => v.DueAt);
        var last = validators.Max(v => v.DueAt);
        for (var t = first - BlockSeconds; t <= last + (2 * Window); t += BlockSeconds)
        {
            await MineAtAsync(t, other);
            await Task.Delay(200);
        }

        Assert.Equal(0UL, await NonceAsync(1, BlockTag.Pending));
        foreach (var (megapool, id, _) in validators)
        {
            Assert.True(await DissolvedAsync(megapool, id), Log("node-2"));
        }

        Assert.Equal((ulong)validators.Count, await NonceAsync(2, BlockTag.Latest));
        Assert.False(cutOff.Status!.StoreReachable);

        // Back in touch with the store, it rejoins.
        proxy.Restore();
        var rejoined = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (cutOff.Status?.StoreReachable != true && DateTime.UtcNow < rejoined)
        {
            await Task.Delay(100);
        }

        Assert.True(cutOff.Status?.StoreReachable, $"the node did not rejoin after the store came back:\n{Log("node-1")[^4000..]}");
    }

    private int IndexOf(Address address) => Enumerable.Range(1, 3).Single(i => Chain.Keys[i].Address == address);
}
