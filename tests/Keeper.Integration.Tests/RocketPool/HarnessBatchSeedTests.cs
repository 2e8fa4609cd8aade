using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>The batched seed (many pools per transaction, for benchmarks) leaves the chain as the one-transaction-per-step seed does.</summary>
public sealed class HarnessBatchSeedTests : HarnessTestBase
{
    // 7 megapools of 5 and 9 minipools, 10 per transaction: megapools split over 4 transactions, minipools over 1.
    private static readonly SeedPlan Plan = new(Megapools: 7, ValidatorsPerMegapool: 5, Minipools: 9);

    [Fact]
    public async Task SeedInBatches_SamePlan_SameStatesAndEventsAsOneTransactionPerStep()
    {
        var batched = await Harness.SeedInBatchesAsync(Plan, validatorsPerTransaction: 10);
        var batchedReads = await NewWatcher().PollAsync(CancellationToken.None);
        var batchedLogs = await AllLogsAsync(Chain);

        await using var node = await AnvilNode.StartAsync();
        using var chain = new DevChainClient(node);
        var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
        var stepped = await harness.SeedAsync(Plan);
        var steppedReads = await new ChainWatcher(chain.Eth, new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = harness.Multicall3 }), harness.Deployment).PollAsync(CancellationToken.None);
        var steppedLogs = await AllLogsAsync(chain);

        Assert.True(batched.Transactions < 10, $"expected a few transactions, got {batched.Transactions}");
        Assert.Equal(stepped.Megapools, batched.Megapools);
        Assert.Equal(stepped.Prestaked, batched.Prestaked);
        Assert.Equal(stepped.Minipools, batched.Minipools);
        Assert.Equal(stepped.Prelaunch, batched.Prelaunch);
        Assert.Equal(Validators(steppedReads), Validators(batchedReads));
        Assert.Equal(Minipools(steppedReads), Minipools(batchedReads));
        Assert.Equal(steppedLogs, batchedLogs);
    }

    // Everything but the times, which differ by block.
    private static string[] Validators(IEnumerable<WatcherEvent> events) =>
        [.. events.OfType<MegapoolValidatorRead>()
            .Select(v => $"{v.Megapool} {v.ValidatorId} {Convert.ToHexString(v.Pubkey ?? [])} {v.Info with { LastAssignmentTime = v.Info.LastAssignmentTime == 0 ? 0u : 1u }}")
            .Order(StringComparer.Ordinal)];

    private static string[] Minipools(IEnumerable<WatcherEvent> events) =>
        [.. events.OfType<MinipoolRead>().Select(m => $"{m.State.Minipool} {m.State.Status}").Order(StringComparer.Ordinal)];

    // Every event the harness contracts emitted, by emitter and topics (the data words hold times), as a sorted multiset.
    private static async Task<string[]> AllLogsAsync(DevChainClient chain)
    {
        var head = await chain.Eth.BlockNumberAsync(CancellationToken.None);
        var logs = await chain.Eth.GetLogsAsync(new LogFilter(0, head, [], []), CancellationToken.None);
        return [.. logs.Select(Describe).Order(StringComparer.Ordinal)];
    }

    private static string Describe(LogEntry log) => $"{log.Address} {string.Join(' ', log.Topics)}";
}
