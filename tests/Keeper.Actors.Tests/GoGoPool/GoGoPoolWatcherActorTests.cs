using Akka.Actor;
using Keeper.Actors.GoGoPool;
using Keeper.Actors.Tracking;
using Keeper.Chain.Rpc;
using Keeper.Chain.Watching.GoGoPool;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;
using static Keeper.Actors.Tests.GoGoPool.GoGoFixtures;
using S = Keeper.Chain.Contracts.GoGoPool.GoGoMinipoolStatus;

namespace Keeper.Actors.Tests.GoGoPool;

/// <summary>The watcher actor polling a scripted watcher on virtual time: order, pace, failures and the head it reports.</summary>
public sealed class GoGoPoolWatcherActorTests(ITestOutputHelper output) : GoGoTestKit(output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Poll_EventsOfEachPoll_SentToTheRegistryInOrderOnePollPerInterval()
    {
        var watcher = new FakeGoGoPoolWatcher()
            .Then(new GoGoSettingsRead(Block(5, Genesis), DaoSettings), Read(5, Genesis, Minipool(S.Staking), statusChanged: false), Head(5, Genesis))
            .Then(Read(6, Genesis + 2, Minipool(S.Withdrawable)), Head(6, Genesis + 2));
        var registry = CreateTestProbe("registry");
        var actor = Sys.ActorOf(GoGoPoolWatcherActor.Props(() => watcher, registry.Ref, new GoGoPoolWatcherActorOptions(PollInterval)), "gogopool-watcher");

        await PolledAsync(actor, watcher, 1);
        Assert.IsType<GoGoSettingsRead>(await registry.ExpectMsgAsync<GoGoPoolEvent>(Guard));
        Assert.IsType<GoGoMinipoolRead>(await registry.ExpectMsgAsync<GoGoPoolEvent>(Guard));
        Assert.Equal(5UL, (await registry.ExpectMsgAsync<GoGoHeadAdvanced>(Guard)).Block.Number);

        Clock.Advance(PollInterval - TimeSpan.FromMilliseconds(1));
        var head = await actor.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
        Assert.Equal(1, watcher.Polls);
        Assert.Equal((5UL, Clock.Now - PollInterval + TimeSpan.FromMilliseconds(1)), (head.Head!.Number, head.LastPollSucceeded!.Value));

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await PolledAsync(actor, watcher, 2);
        Assert.Equal(S.Withdrawable, (await registry.ExpectMsgAsync<GoGoMinipoolRead>(Guard)).Minipool.Status);
        Assert.Equal(6UL, (await registry.ExpectMsgAsync<GoGoHeadAdvanced>(Guard)).Block.Number);
    }

    [Fact]
    public async Task Poll_FailingPolls_OneWarningRetriedEachIntervalAndOneLineWhenItWorksAgain()
    {
        var failure = new JsonRpcTransportException("eth_blockNumber", "connection refused", 3);
        var watcher = new FakeGoGoPoolWatcher { ChainTip = 9 }
            .Then(Head(5, Genesis))
            .ThenFail(failure)
            .ThenFail(failure)
            .ThenFail(failure)
            .Then(Read(9, Genesis + 8, Minipool(S.Error)), Head(9, Genesis + 8));
        var registry = CreateTestProbe("registry");
        var actor = Sys.ActorOf(GoGoPoolWatcherActor.Props(() => watcher, registry.Ref, new GoGoPoolWatcherActorOptions(PollInterval)), "gogopool-watcher");
        await PolledAsync(actor, watcher, 1);
        Assert.Equal(5UL, (await registry.ExpectMsgAsync<GoGoHeadAdvanced>(Guard)).Block.Number);
        var lastGood = Clock.Now;

        for (var poll = 2; poll <= 4; poll++)
        {
            Clock.Advance(PollInterval);
            await PolledAsync(actor, watcher, poll);
        }

        var failing = await actor.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
        var lines = LogsOf<GoGoPoolWatcherActor>();
        var warning = Assert.Single(lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains("connection refused", warning.Message, StringComparison.Ordinal);
        Assert.Equal((5UL, 9UL, lastGood), (failing.Head!.Number, failing.ChainTip!.Value, failing.LastPollSucceeded!.Value));

        Clock.Advance(PollInterval);
        await PolledAsync(actor, watcher, 5);

        Assert.Equal(S.Error, (await registry.ExpectMsgAsync<GoGoMinipoolRead>(Guard)).Minipool.Status);
        Assert.Equal(9UL, (await registry.ExpectMsgAsync<GoGoHeadAdvanced>(Guard)).Block.Number);
        var recovered = Assert.Single(LogsOf<GoGoPoolWatcherActor>(), l => l.Message.Contains("works again, after", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, recovered.Level);
        Assert.Contains("after 3 failed polls over 3 s", recovered.Message, StringComparison.Ordinal);
        Assert.Single(LogsOf<GoGoPoolWatcherActor>(), l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Poll_ReorgDeeperThanTheHistory_StartsOverWithAFreshWatcher()
    {
        var watchers = new[]
        {
            new FakeGoGoPoolWatcher().Then(Head(5, Genesis)).ThenFail(new Keeper.Chain.Logs.ReorgTooDeepException(3, 64)),
            new FakeGoGoPoolWatcher().Then(Read(2, Genesis - 6, Minipool(S.Prelaunch), statusChanged: false), Head(9, Genesis + 8)),
        };
        var created = 0;
        var registry = CreateTestProbe("registry");
        var actor = Sys.ActorOf(GoGoPoolWatcherActor.Props(() => watchers[created++], registry.Ref, new GoGoPoolWatcherActorOptions(PollInterval)), "gogopool-watcher");
        await PolledAsync(actor, watchers[0], 1);
        Assert.Equal(5UL, (await registry.ExpectMsgAsync<GoGoHeadAdvanced>(Guard)).Block.Number);
        Clock.Advance(PollInterval);
        await PolledAsync(actor, watchers[0], 2);

        Clock.Advance(PollInterval);
        await PolledAsync(actor, watchers[1], 1);

        Assert.Equal(2, created);
        Assert.Equal(S.Prelaunch, (await registry.ExpectMsgAsync<GoGoMinipoolRead>(Guard)).Minipool.Status);
        Assert.Equal(9UL, (await registry.ExpectMsgAsync<GoGoHeadAdvanced>(Guard)).Block.Number);
        Assert.Equal(9UL, (await actor.Ask<WatcherHead>(GetWatcherHead.Instance, Guard)).Head!.Number);
        Assert.Single(LogsOf<GoGoPoolWatcherActor>(), l => l.Level == LogLevel.Error && l.Message.Contains("cold start", StringComparison.Ordinal));
    }

    // The poll has run once the fake announces it; the actor's answer after that proves the handler finished, so its next
    // poll timer is set before the test moves the clock.
    private static async Task PolledAsync(IActorRef actor, FakeGoGoPoolWatcher watcher, int poll)
    {
        using var guard = new CancellationTokenSource(Guard);
        var announced = await watcher.Polled.ReadAsync(guard.Token);
        Assert.True(announced == poll, $"Expected poll {poll} to be the next one announced, got poll {announced}.");
        await actor.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
    }
}
