using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

public sealed class ChainWatcherTests : HarnessTestBase
{
    private static readonly int[] FiftyValidatorsInTenMegapools = [3, 4, 5, 6, 7, 3, 4, 5, 6, 7];

    [Fact]
    public async Task ColdStart_TenMegapoolsFiftyValidatorsTenMinipools_ReadsEveryPoolCorrectly()
    {
        var scenario = new PoolScenario(Chain, Harness);
        await scenario.BuildAsync(FiftyValidatorsInTenMegapools, minipools: 10);
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);

        var events = await NewWatcher().PollAsync(CancellationToken.None);

        AssertMatches(scenario, events);
        var settings = Assert.Single(events.OfType<SettingsRead>());
        Assert.Equal(28UL * 24 * 60 * 60, settings.Megapool.TimeBeforeDissolve);
        Assert.Equal(112UL, settings.Megapool.NotifyThresholdEpochs);
        Assert.Equal(72UL * 60 * 60, settings.LaunchTimeout);
        Assert.Equal(0, settings.Megapool.DissolveCallerReward);
        Assert.All(events.OfType<MegapoolValidatorRead>(), r => Assert.Equal(48, r.Pubkey!.Length));
        Assert.Equal(head.Hash, Assert.IsType<HeadAdvanced>(events[^1]).Block.Hash);
    }

    [Fact]
    public async Task ColdStart_IndexLongerThanABatch_ReportsEachBatchAsItIsReadThenTheMinipoolsThenTheHead()
    {
        var scenario = new PoolScenario(Chain, Harness);
        await scenario.BuildAsync(FiftyValidatorsInTenMegapools, minipools: 10);
        var batch = new BatchCaller(Chain.Eth, new BatchCallerOptions { Multicall3 = Harness.Multicall3, MaxCallsPerBatch = 20 });
        var watcher = new ChainWatcher(Chain.Eth, batch, Harness.Deployment);
        var parts = new List<IReadOnlyList<WatcherEvent>>();

        await watcher.PollAsync(parts.Add, CancellationToken.None);

        Assert.IsType<SettingsRead>(Assert.Single(parts[0]));
        Assert.Equal([20, 20, 10], parts.Skip(1).TakeWhile(p => p.All(e => e is MegapoolValidatorRead)).Select(p => p.Count));
        Assert.Equal(10, parts[^2].OfType<MinipoolRead>().Count());
        Assert.IsType<HeadAdvanced>(Assert.Single(parts[^1]));
        Assert.Equal(6, parts.Count);
        AssertMatches(scenario, [.. parts.SelectMany(p => p)]);
    }

    [Fact]
    public async Task Resume_FromCheckpoint_ReportsChangesSinceAndReadsEveryPoolCorrectly()
    {
        var scenario = new PoolScenario(Chain, Harness);
        await scenario.BuildAsync(FiftyValidatorsInTenMegapools, minipools: 10);
        var first = NewWatcher();
        await first.PollAsync(CancellationToken.None);
        var checkpoint = first.Checkpoint;

        var queued = scenario.Validators.First(v => v.Value == ValidatorState.Queued).Key;
        await Harness.AssignAsync(queued.Megapool, queued.ValidatorId);
        scenario.Validators[queued] = ValidatorState.Prestaked;
        var newMegapool = await Harness.CreateMegapoolAsync(PoolScenario.NodeAddress(77));
        var newId = await Harness.NewValidatorAsync(newMegapool);
        scenario.Validators[new ValidatorKey(newMegapool, newId)] = ValidatorState.Queued;
        var newMinipool = await Harness.CreateMinipoolAsync(PoolScenario.NodeAddress(78));
        await Harness.PrelaunchMinipoolAsync(newMinipool);
        scenario.Minipools[newMinipool] = MinipoolStatus.Prelaunch;

        var resumed = NewWatcher();
        resumed.Resume(checkpoint);
        var events = await resumed.PollAsync(CancellationToken.None);

        AssertMatches(scenario, events);
        var logs = events.OfType<PoolLogObserved>().Select(e => e.Event).ToArray();
        Assert.Contains(logs, l => l is MegapoolValidatorLog { Kind: MegapoolValidatorEventKind.Assigned } a && a.Megapool == queued.Megapool && a.ValidatorId == queued.ValidatorId);
        Assert.Contains(logs, l => l is MegapoolValidatorLog { Kind: MegapoolValidatorEventKind.Enqueued } e && e.Megapool == newMegapool);
        Assert.Contains(logs, l => l is MinipoolCreatedLog c && c.Minipool == newMinipool);
        Assert.Equal(51UL, resumed.Checkpoint.ManagerValidatorCount);
    }

    [Fact]
    public async Task Follow_EveryStateChange_ArrivesAsTheRightTypedEvent()
    {
        var watcher = NewWatcher();
        await watcher.PollAsync(CancellationToken.None);
        var megapool = await Harness.CreateMegapoolAsync(PoolScenario.NodeAddress(1));

        var enqueue = await StepAsync(watcher, () => Harness.NewValidatorAsync(megapool));
        var assign = await StepAsync(watcher, () => Harness.AssignAsync(megapool, 0));
        var second = await StepAsync(watcher, async () => { await Harness.NewValidatorAsync(megapool); await Harness.AssignAsync(megapool, 1); });
        var stake = await StepAsync(watcher, () => Harness.StakeAsync(megapool, 0));
        await Chain.IncreaseTimeAsync((28 * 24 * 60 * 60) + 1);
        var dissolve = await StepAsync(watcher, () => Chain.SendAsync(Chain.Keys[4], megapool, Megapool.DissolveValidator(megapool, 1).Data));
        Address minipool = default;
        var create = await StepAsync(watcher, async () => minipool = await Harness.CreateMinipoolAsync(PoolScenario.NodeAddress(2)));
        var prelaunch = await StepAsync(watcher, () => Harness.PrelaunchMinipoolAsync(minipool));
        await Chain.IncreaseTimeAsync(72 * 60 * 60);
        var dissolveMinipool = await StepAsync(watcher, () => Chain.SendAsync(Chain.Keys[4], minipool, Minipool.Dissolve(minipool).Data));

        Assert.Equal(["FundsRequested", "Enqueued"], enqueue.Logs);
        Assert.Equal(ValidatorState.Queued, PoolScenario.StateOf(enqueue.Validators.Single().Info));
        Assert.Equal(["Assigned", "FundsAssigned"], assign.Logs);
        Assert.Equal(ValidatorState.Prestaked, PoolScenario.StateOf(assign.Validators.Single().Info));
        Assert.Equal(["FundsRequested", "Enqueued", "Assigned", "FundsAssigned"], second.Logs);
        Assert.Equal(["Staked"], stake.Logs);
        Assert.Equal(ValidatorState.Staked, PoolScenario.StateOf(stake.Validators.Single().Info));
        Assert.Equal(["MegapoolDebtIncreased", "Dissolved"], dissolve.Logs);
        Assert.Equal(ValidatorState.Dissolved, PoolScenario.StateOf(dissolve.Validators.Single().Info));
        Assert.Equal(["MinipoolCreated"], create.Logs);
        Assert.Equal(MinipoolStatus.Initialised, create.Minipools.Single().State.Status);
        Assert.Equal(["StatusUpdated:Prelaunch"], prelaunch.Logs);
        Assert.Equal(["StatusUpdated:Dissolved"], dissolveMinipool.Logs);
        Assert.Equal(MinipoolStatus.Dissolved, dissolveMinipool.Minipools.Single().State.Status);
    }

    [Fact]
    public async Task Reorg_UndoesAssignmentAndForgetsValidatorOfDroppedBranch_ReReadStateIsRight()
    {
        var megapool = await Harness.CreateMegapoolAsync(PoolScenario.NodeAddress(1));
        var id = await Harness.NewValidatorAsync(megapool);
        var watcher = NewWatcher();
        await watcher.PollAsync(CancellationToken.None);
        var ancestor = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var snapshot = await Chain.SnapshotAsync();
        await Harness.AssignAsync(megapool, id);
        var dropped = await Harness.NewValidatorAsync(megapool);
        var before = await watcher.PollAsync(CancellationToken.None);
        Assert.Contains(before.OfType<MegapoolValidatorRead>(), r => r.ValidatorId == id && r.Info.InPrestake);

        await Chain.RevertAsync(snapshot);
        await Chain.SendAsync(Chain.Keys[6], Chain.Keys[7].Address, [], 1);
        await Chain.MineAsync(2);
        var events = await watcher.PollAsync(CancellationToken.None);

        var reorg = Assert.IsType<ChainReorged>(events[0]);
        Assert.Equal(ancestor.Hash, reorg.Reorg.CommonAncestor.Hash);
        Assert.Contains(events.OfType<PoolForgotten>(), f => f.Pool == megapool && f.ValidatorId == dropped);
        var reread = Assert.Single(events.OfType<MegapoolValidatorRead>(), r => r.ValidatorId == id);
        Assert.Equal(ValidatorState.Queued, PoolScenario.StateOf(reread.Info));
        Assert.DoesNotContain(watcher.Checkpoint.Validators, v => v.ValidatorId == dropped);
        Assert.Equal(1UL, watcher.Checkpoint.ManagerValidatorCount);
        Assert.Equal((await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Hash, Assert.IsType<HeadAdvanced>(events[^1]).Block.Hash);
    }

    private static void AssertMatches(PoolScenario scenario, IReadOnlyList<WatcherEvent> events)
    {
        var validators = events.OfType<MegapoolValidatorRead>().ToDictionary(r => new ValidatorKey(r.Megapool, r.ValidatorId));
        Assert.Equal(scenario.Validators.Count, validators.Count);
        foreach (var (key, state) in scenario.Validators)
        {
            Assert.Equal(state, PoolScenario.StateOf(validators[key].Info));
        }

        var minipools = events.OfType<MinipoolRead>().ToDictionary(r => r.State.Minipool);
        Assert.Equal(scenario.Minipools.Count, minipools.Count);
        foreach (var (minipool, status) in scenario.Minipools)
        {
            Assert.Equal(status, minipools[minipool].State.Status);
        }
    }

    private static async Task<StepResult> StepAsync(ChainWatcher watcher, Func<Task> action)
    {
        await action();
        var events = await watcher.PollAsync(CancellationToken.None);
        var logs = events.OfType<PoolLogObserved>().Select(e => e.Event switch
        {
            MegapoolValidatorLog v => v.Kind.ToString(),
            MinipoolStatusUpdatedLog s => $"StatusUpdated:{s.Status}",
            MinipoolCreatedLog { Destroyed: false } => "MinipoolCreated",
            MegapoolDebtIncreasedLog => "MegapoolDebtIncreased",
            FundsRequestedLog => "FundsRequested",
            FundsAssignedLog => "FundsAssigned",
            var other => other.GetType().Name,
        }).ToArray();
        Assert.IsType<HeadAdvanced>(events[^1]);
        return new StepResult(logs, events.OfType<MegapoolValidatorRead>().ToArray(), events.OfType<MinipoolRead>().ToArray());
    }

    private sealed record StepResult(string[] Logs, MegapoolValidatorRead[] Validators, MinipoolRead[] Minipools);
}
