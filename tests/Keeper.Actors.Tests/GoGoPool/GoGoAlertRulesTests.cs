using Keeper.Actors.GoGoPool;
using Keeper.Chain.Primitives;
using Xunit;
using static Keeper.Actors.Tests.GoGoPool.GoGoFixtures;
using S = Keeper.Chain.Contracts.GoGoPool.GoGoMinipoolStatus;

namespace Keeper.Actors.Tests.GoGoPool;

public sealed class GoGoAlertRulesTests
{
    private static readonly GoGoAlertOptions Options = new(TimeSpan.FromHours(24), new HashSet<Address> { OwnOwner });

    [Fact]
    public void Overdue_StakingAtTheBoundary_NoneThenOneASecondPast()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis + 100), since: Genesis + 100);
        var boundary = Genesis + 100 + (14 * Day) + Day;

        var at = GoGoAlertRules.Evaluate(state, DaoSettings, Options, boundary);
        var past = GoGoAlertRules.Evaluate(state, DaoSettings, Options, boundary + 1);

        Assert.Empty(at.Due);
        Assert.Equal(boundary + 1, at.NextAt);
        var alert = Assert.Single(past.Due);
        Assert.Equal($"overdue:{NodeId.ToLowerHex()}:staking:{Genesis + 100}", alert.Key);
        Assert.Equal((GoGoAlertKind.Overdue, S.Staking, boundary, boundary + 1, false), (alert.Kind, alert.Status, alert.DueAt, alert.RaisedAt, alert.Own));
        Assert.Equal((NodeId, Owner), (alert.NodeId, alert.Owner));
        Assert.Contains("the orchestrator has not ended the cycle", alert.Message, StringComparison.Ordinal);
        Assert.Null(past.NextAt);
        Assert.Equal(Genesis + 100 + (14 * Day), GoGoAlertRules.CycleEnd(state, DaoSettings));
    }

    [Fact]
    public void Overdue_LaunchedWithItsStatusLogSeen_CountsFromTheLogsBlockTime()
    {
        var since = Genesis + (3 * Day);
        var state = State(Minipool(S.Launched, creationTime: Genesis, endTime: Genesis + Day), since: since);
        var boundary = since + (15 * Day);

        Assert.Empty(GoGoAlertRules.Evaluate(state, DaoSettings, Options, boundary).Due);
        var alert = Assert.Single(GoGoAlertRules.Evaluate(state, DaoSettings, Options, boundary + 1).Due);
        Assert.Equal($"overdue:{NodeId.ToLowerHex()}:launched:{since}", alert.Key);
        Assert.Equal(boundary, alert.DueAt);
        Assert.Contains("the orchestrator has not recorded the validator's start", alert.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Genesis, Genesis + (2 * Day), Genesis + (2 * Day))]
    [InlineData(Genesis + (5 * Day), Genesis + (2 * Day), Genesis + (5 * Day))]
    [InlineData(Genesis, 0UL, Genesis)]
    public void Overdue_LaunchedWithoutItsStatusLog_CountsFromTheLaterOfCreationAndEnd(ulong creationTime, ulong endTime, ulong basis)
    {
        var state = State(Minipool(S.Launched, creationTime: creationTime, endTime: endTime), since: null);
        var boundary = basis + (15 * Day);

        var at = GoGoAlertRules.Evaluate(state, DaoSettings, Options, boundary);
        var past = GoGoAlertRules.Evaluate(state, DaoSettings, Options, boundary + 1);

        Assert.Empty(at.Due);
        Assert.Equal(boundary + 1, at.NextAt);
        Assert.Equal($"overdue:{NodeId.ToLowerHex()}:launched:{basis}", Assert.Single(past.Due).Key);
        Assert.Equal(basis + (14 * Day), GoGoAlertRules.CycleEnd(state, DaoSettings));
    }

    [Fact]
    public void Overdue_SettingsChangeTheCycleOrTheTolerance_TheBoundaryMovesWithThem()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis), since: Genesis);
        var longerTolerance = DaoSettings with { MinipoolCycleDelayTolerance = 2 * Day };
        var shorterCycle = DaoSettings with { MinipoolCycleDuration = 7 * Day };

        Assert.Single(GoGoAlertRules.Evaluate(state, DaoSettings, Options, Genesis + (15 * Day) + 1).Due);
        Assert.Empty(GoGoAlertRules.Evaluate(state, longerTolerance, Options, Genesis + (16 * Day)).Due);
        Assert.Single(GoGoAlertRules.Evaluate(state, longerTolerance, Options, Genesis + (16 * Day) + 1).Due);
        Assert.Empty(GoGoAlertRules.Evaluate(state, shorterCycle, Options, Genesis + (8 * Day)).Due);
        Assert.Single(GoGoAlertRules.Evaluate(state, shorterCycle, Options, Genesis + (8 * Day) + 1).Due);
    }

    [Fact]
    public void Overdue_BeforeTheSettingsAreRead_NoneAndNoCycleEnd()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis), since: Genesis);

        var evaluation = GoGoAlertRules.Evaluate(state, null, Options, Genesis + (365 * Day));

        Assert.Empty(evaluation.Due);
        Assert.Null(evaluation.NextAt);
        Assert.Null(GoGoAlertRules.CycleEnd(state, null));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(1)]
    public void NotWithdrawn_AtEndTimePlusTheGrace_NoneThenOneASecondPast(int graceHours)
    {
        var options = Options with { WithdrawGrace = TimeSpan.FromHours(graceHours) };
        var endTime = Genesis + (14 * Day);
        var state = State(Minipool(S.Withdrawable, startTime: Genesis, endTime: endTime), since: endTime + 60);
        var boundary = endTime + ((ulong)graceHours * 3600);

        var at = GoGoAlertRules.Evaluate(state, DaoSettings, options, boundary);
        var past = GoGoAlertRules.Evaluate(state, DaoSettings, options, boundary + 1);

        Assert.Empty(at.Due);
        Assert.Equal(boundary + 1, at.NextAt);
        var alert = Assert.Single(past.Due);
        Assert.Equal($"not-withdrawn:{NodeId.ToLowerHex()}:withdrawable:{endTime}", alert.Key);
        Assert.Equal((GoGoAlertKind.NotWithdrawn, boundary), (alert.Kind, alert.DueAt));
        Assert.Contains("withdrawMinipoolFunds", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_AtOnce_TheCodeAsTextWhenPrintableElseHex()
    {
        var since = Genesis + 500;
        var printable = State(Minipool(S.Error, errorCode: Code("EC1")), since: since);
        var binary = new byte[32];
        binary[0] = 0x01;
        binary[1] = 0xff;
        var unprintable = State(Minipool(S.Error, errorCode: new Hash32(binary)), since: null);

        var text = Assert.Single(GoGoAlertRules.Evaluate(printable, null, Options, since).Due);
        var hex = Assert.Single(GoGoAlertRules.Evaluate(unprintable, null, Options, Genesis).Due);

        Assert.Equal($"error:{NodeId.ToLowerHex()}:error:{since}", text.Key);
        Assert.Equal((GoGoAlertKind.Error, since), (text.Kind, text.DueAt));
        Assert.Contains("error code \"EC1\"", text.Message, StringComparison.Ordinal);
        Assert.Equal($"error:{NodeId.ToLowerHex()}:error:{Genesis}", hex.Key);
        Assert.Contains("error code 0x01ff" + new string('0', 60), hex.Message, StringComparison.Ordinal);
        Assert.Equal("none", GoGoAlertRules.ErrorCodeText(Hash32.Zero));
    }

    [Fact]
    public void Evaluate_OwnersMinipool_MarkedOwn()
    {
        var state = State(Minipool(S.Error, owner: OwnOwner), since: Genesis);

        Assert.True(Assert.Single(GoGoAlertRules.Evaluate(state, DaoSettings, Options, Genesis).Due).Own);
    }

    [Theory]
    [InlineData(S.Prelaunch)]
    [InlineData(S.Finished)]
    [InlineData(S.Canceled)]
    public void Evaluate_StatusWithoutAWindow_NeverAnAlert(S status)
    {
        var state = State(Minipool(status, startTime: Genesis, endTime: Genesis), since: Genesis);

        var evaluation = GoGoAlertRules.Evaluate(state, DaoSettings, Options, Genesis + (1000 * Day));

        Assert.Empty(evaluation.Due);
        Assert.Null(evaluation.NextAt);
    }
}
