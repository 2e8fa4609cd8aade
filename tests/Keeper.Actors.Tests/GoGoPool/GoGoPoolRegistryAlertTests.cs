using Akka.Actor;
using Keeper.Actors.GoGoPool;
using Keeper.Chain.Primitives;
using Address = Keeper.Chain.Primitives.Address;
using Keeper.Chain.Watching.GoGoPool;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;
using static Keeper.Actors.Tests.GoGoPool.GoGoFixtures;
using S = Keeper.Chain.Contracts.GoGoPool.GoGoMinipoolStatus;

namespace Keeper.Actors.Tests.GoGoPool;

/// <summary>The registry and its minipool trackers raising, counting, logging and clearing alerts as heads move chain time.</summary>
public sealed class GoGoPoolRegistryAlertTests(ITestOutputHelper output) : GoGoTestKit(output)
{
    private static readonly GoGoAlertOptions Alerts = new(TimeSpan.FromHours(24), new HashSet<Address> { OwnOwner });

    [Fact]
    public async Task Overdue_ManyHeadsPastTheBoundary_RaisedOnceAndClearedWhenTheStatusChanges()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));
        Registry.Tell(Read(1, Genesis, Minipool(S.Staking, startTime: Genesis)));
        var boundary = Genesis + (15 * Day);
        Registry.Tell(Head(2, boundary - SlotSeconds));
        Registry.Tell(Head(3, boundary));

        var atBoundary = await StatusAsync(NodeId);

        Assert.Empty(atBoundary.Alerts);
        Assert.Equal(0, atBoundary.Raised[GoGoAlertKind.Overdue]);
        var view = Assert.Single(atBoundary.Minipools);
        Assert.Equal(new GoGoMinipoolView(NodeId, Owner, S.Staking, Genesis, Genesis + (14 * Day), []), view);
        Assert.Equal(Block(3, boundary), atBoundary.Head);

        for (ulong n = 4; n < 104; n++)
        {
            Registry.Tell(Head(n, boundary + 1 + ((n - 4) * SlotSeconds)));
        }

        var past = await StatusAsync(NodeId);
        var alert = Assert.Single(past.Alerts);
        Assert.Equal($"overdue:{NodeId.ToLowerHex()}:staking:{Genesis}", alert.Key);
        Assert.Equal((GoGoAlertKind.Overdue, boundary, boundary + 1, false), (alert.Kind, alert.DueAt, alert.RaisedAt, alert.Own));
        Assert.Equal([alert.Key], Assert.Single(past.Minipools).Alerts);
        Assert.Equal(1, past.Raised[GoGoAlertKind.Overdue]);
        AssertOneLine("alert overdue raised", LogLevel.Information);

        Registry.Tell(Read(110, boundary + 300, Minipool(S.Withdrawable, startTime: Genesis, endTime: boundary + 300)));
        Registry.Tell(Head(110, boundary + 300));
        var cleared = await StatusAsync(NodeId);

        Assert.Empty(cleared.Alerts);
        Assert.Equal(1, cleared.Raised[GoGoAlertKind.Overdue]);
        Assert.Equal(new GoGoMinipoolView(NodeId, Owner, S.Withdrawable, boundary + 300, null, []), Assert.Single(cleared.Minipools));
        Assert.Contains("status changed to Withdrawable in block 110", AssertOneLine("alert overdue cleared", LogLevel.Information).Message, StringComparison.Ordinal);
        AssertOneLine("alert overdue raised", LogLevel.Information);
    }

    [Fact]
    public async Task NotWithdrawn_OwnMinipoolPastTheGrace_OneWarningAcrossHeadsAndClearedWhenWithdrawn()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        var endTime = Genesis + (14 * Day);
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));
        Registry.Tell(Read(1, endTime, Minipool(S.Withdrawable, startTime: Genesis, endTime: endTime, owner: OwnOwner)));
        Registry.Tell(Head(1, endTime));
        Registry.Tell(Head(2, endTime + Day));
        Assert.Empty((await StatusAsync(NodeId)).Alerts);

        for (ulong n = 3; n < 53; n++)
        {
            Registry.Tell(Head(n, endTime + Day + ((n - 2) * SlotSeconds) - 1));
        }

        var past = await StatusAsync(NodeId);
        var alert = Assert.Single(past.Alerts);
        Assert.Equal((GoGoAlertKind.NotWithdrawn, endTime + Day, endTime + Day + 1, true), (alert.Kind, alert.DueAt, alert.RaisedAt, alert.Own));
        Assert.Equal(1, past.Raised[GoGoAlertKind.NotWithdrawn]);
        AssertOneLine("alert not-withdrawn raised", LogLevel.Warning);

        Registry.Tell(Read(60, endTime + (2 * Day), Minipool(S.Finished, startTime: Genesis, endTime: endTime, owner: OwnOwner)));
        var cleared = await StatusAsync(NodeId);

        Assert.Empty(cleared.Alerts);
        AssertOneLine("alert not-withdrawn cleared", LogLevel.Warning);
    }

    [Fact]
    public async Task Error_AtOnceWhenRead_RaisedOnceAndClearedWhenFinished()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        Registry.Tell(Head(5, Genesis));
        Registry.Tell(Read(6, Genesis + 2, Minipool(S.Error, errorCode: Code("EC2"))));
        var raised = await StatusAsync(NodeId);
        for (ulong n = 6; n < 30; n++)
        {
            Registry.Tell(Head(n, Genesis + (n * SlotSeconds)));
        }

        var later = await StatusAsync(NodeId);

        var alert = Assert.Single(raised.Alerts);
        Assert.Equal(($"error:{NodeId.ToLowerHex()}:error:{Genesis + 2}", GoGoAlertKind.Error, Genesis), (alert.Key, alert.Kind, alert.RaisedAt));
        Assert.Equal(alert, Assert.Single(later.Alerts));
        Assert.Equal(1, later.Raised[GoGoAlertKind.Error]);
        Assert.Contains("error code \"EC2\"", AssertOneLine("alert error raised", LogLevel.Information).Message, StringComparison.Ordinal);

        Registry.Tell(Read(40, Genesis + 80, Minipool(S.Finished)));
        Assert.Empty((await StatusAsync(NodeId)).Alerts);
        AssertOneLine("alert error cleared", LogLevel.Information);
    }

    [Fact]
    public async Task Overdue_SettingsLowerTheTolerance_RaisedAtOnceAndTheCycleEndShown()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        var lenient = DaoSettings with { MinipoolCycleDelayTolerance = 2 * Day };
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), lenient));
        Registry.Tell(Read(1, Genesis, Minipool(S.Launched, creationTime: Genesis)));
        Registry.Tell(Head(2, Genesis + (15 * Day) + 1));
        var before = await StatusAsync(NodeId);

        Registry.Tell(new GoGoSettingsRead(Block(3, Genesis + (15 * Day) + 3), DaoSettings with { MinipoolCycleDuration = 10 * Day }));
        var after = await StatusAsync(NodeId);

        Assert.Empty(before.Alerts);
        Assert.Equal(Genesis + (14 * Day), Assert.Single(before.Minipools).CycleEnd);
        var alert = Assert.Single(after.Alerts);
        Assert.Equal((Genesis + (11 * Day), Genesis + (15 * Day) + 1), (alert.DueAt, alert.RaisedAt));
        Assert.Equal(Genesis + (10 * Day), Assert.Single(after.Minipools).CycleEnd);
    }

    [Fact]
    public async Task Transition_ForbiddenAndSkipped_EachLoggedOnceAndTheChainsStatusTracked()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        Registry.Tell(Read(1, Genesis, Minipool(S.Staking, startTime: Genesis)));
        Registry.Tell(Read(2, Genesis + 2, Minipool(S.Launched)));
        Registry.Tell(Read(3, Genesis + 4, Minipool(S.Withdrawable, endTime: Genesis + 4)));

        var status = await StatusAsync(NodeId);

        Assert.Equal(S.Withdrawable, Assert.Single(status.Minipools).Status);
        Assert.Contains(NodeId.ToLowerHex(), AssertOneLine("moved Staking -> Launched in block 2, a move GoGoPool does not allow", LogLevel.Warning).Message, StringComparison.Ordinal);
        AssertOneLine("moved Launched -> Staking -> Withdrawable between two reads", LogLevel.Information);
    }

    [Fact]
    public async Task Reorg_ReReadAtALowerHead_AcceptedWhereAStaleReadIsNot()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        Registry.Tell(Read(10, Genesis + 20, Minipool(S.Staking, startTime: Genesis + 20)));
        Registry.Tell(Read(8, Genesis + 16, Minipool(S.Launched)));
        var stale = await StatusAsync(NodeId);

        var ancestor = new Keeper.Chain.Eth.BlockHeader(7, Hash32.Zero, Hash32.Zero, Genesis + 14, null, 0, 0);
        Registry.Tell(new GoGoChainReorged(Block(7, Genesis + 14), new Keeper.Chain.Logs.ChainReorg(ancestor, [])));
        Registry.Tell(Read(8, Genesis + 16, Minipool(S.Launched), statusChanged: false));
        var reread = await StatusAsync(NodeId);

        Assert.Equal(S.Staking, Assert.Single(stale.Minipools).Status);
        Assert.Equal((S.Launched, (ulong?)null), (Assert.Single(reread.Minipools).Status, Assert.Single(reread.Minipools).StatusSince));
    }

    [Fact]
    public async Task Reorg_UndoesTheStatusChangeThatClearedAnAlert_ShownAgainButNeitherLoggedNorCountedTwice()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));
        Registry.Tell(Read(1, Genesis, Minipool(S.Staking, startTime: Genesis)));
        var late = Genesis + (15 * Day) + 1;
        Registry.Tell(Head(20, late));
        var raised = Assert.Single((await StatusAsync(NodeId)).Alerts);
        Registry.Tell(Read(21, late + 2, Minipool(S.Withdrawable, startTime: Genesis, endTime: late + 2)));
        Registry.Tell(Head(21, late + 2));
        Assert.Empty((await StatusAsync(NodeId)).Alerts);

        var ancestor = new Keeper.Chain.Eth.BlockHeader(20, Hash32.Zero, Hash32.Zero, late, null, 0, 0);
        Registry.Tell(new GoGoChainReorged(Block(20, late), new Keeper.Chain.Logs.ChainReorg(ancestor, [])));
        Registry.Tell(Read(21, late + 2, Minipool(S.Staking, startTime: Genesis), statusChanged: false));
        Registry.Tell(Head(21, late + 2));
        var back = await StatusAsync(NodeId);

        Assert.Equal(raised.Key, Assert.Single(back.Alerts).Key);
        Assert.Equal(1, back.Raised[GoGoAlertKind.Overdue]);
        AssertOneLine("alert overdue raised", LogLevel.Information);
        AssertOneLine("alert overdue cleared", LogLevel.Information);
    }

    [Fact]
    public async Task Status_TwoMinipools_EachTrackedByItsOwnChildInNodeIdOrder()
    {
        StartRegistry(CreateTestProbe("scheduler").Ref, Alerts);
        Registry.Tell(Head(1, Genesis));
        Registry.Tell(Read(2, Genesis + 2, Minipool(S.Error, nodeId: OtherNodeId)));
        Registry.Tell(Read(2, Genesis + 2, Minipool(S.Prelaunch)));

        var status = await StatusAsync(NodeId, OtherNodeId);

        Assert.Equal([(NodeId, S.Prelaunch), (OtherNodeId, S.Error)], status.Minipools.Select(m => (m.NodeId, m.Status)));
        Assert.Equal(OtherNodeId, Assert.Single(status.Alerts).NodeId);
        Assert.Equal(new Dictionary<GoGoAlertKind, long> { [GoGoAlertKind.Overdue] = 0, [GoGoAlertKind.NotWithdrawn] = 0, [GoGoAlertKind.Error] = 1 }, status.Raised);
    }
}
