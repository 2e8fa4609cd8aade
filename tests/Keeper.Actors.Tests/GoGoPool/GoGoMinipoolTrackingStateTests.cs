using Keeper.Actors.GoGoPool;
using Xunit;
using static Keeper.Actors.Tests.GoGoPool.GoGoFixtures;
using S = Keeper.Chain.Contracts.GoGoPool.GoGoMinipoolStatus;

namespace Keeper.Actors.Tests.GoGoPool;

public sealed class GoGoMinipoolTrackingStateTests
{
    public static TheoryData<S, S> AllowedMoves => new()
    {
        { S.Prelaunch, S.Launched },
        { S.Prelaunch, S.Canceled },
        { S.Launched, S.Staking },
        { S.Launched, S.Error },
        { S.Staking, S.Withdrawable },
        { S.Withdrawable, S.Finished },
        { S.Error, S.Finished },
        { S.Finished, S.Prelaunch },
        { S.Canceled, S.Prelaunch },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Apply_AllowedMoveInALaterBlock_AcceptedWithTheBlockTimeAsStatusSinceAndANewEpisode(S from, S to)
    {
        var state = State(Minipool(from), since: Genesis);

        var update = state.Apply(Read(11, Genesis + 500, Minipool(to)));

        Assert.Equal(GoGoTransitionKind.Allowed, update.Kind);
        Assert.False(update.IsIrregular);
        Assert.True(update.EpisodeChanged);
        Assert.Equal(to, update.After.Status);
        Assert.Equal(11UL, update.After.AsOfBlock);
        Assert.Equal(Genesis + 500, update.After.StatusSince);
        Assert.Equal([from, to], update.Path);
    }

    [Fact]
    public void IsAllowed_EveryPairOfStatuses_ExactlyTheNineMovesOfTheProtocol()
    {
        var allowed = AllowedMoves.Select(row => ((S)row[0], (S)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<S>())
        {
            foreach (var to in Enum.GetValues<S>())
            {
                Assert.True(allowed.Contains((from, to)) == GoGoTransitions.IsAllowed(from, to), $"{from} -> {to}: expected allowed = {allowed.Contains((from, to))}");
            }
        }
    }

    [Fact]
    public void Apply_ForbiddenMove_AcceptedAsTheChainSaysAndReportedForbidden()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis), since: Genesis);

        var update = state.Apply(Read(11, Genesis + 500, Minipool(S.Launched)));

        Assert.Equal(GoGoTransitionKind.Forbidden, update.Kind);
        Assert.True(update.IsIrregular);
        Assert.Equal(S.Launched, update.After.Status);
        Assert.Equal(Genesis + 500, update.After.StatusSince);
        Assert.Equal([S.Staking, S.Launched], update.Path);
    }

    [Theory]
    [InlineData(S.Launched, S.Withdrawable, new[] { S.Launched, S.Staking, S.Withdrawable })]
    [InlineData(S.Staking, S.Prelaunch, new[] { S.Staking, S.Withdrawable, S.Finished, S.Prelaunch })]
    [InlineData(S.Prelaunch, S.Staking, new[] { S.Prelaunch, S.Launched, S.Staking })]
    [InlineData(S.Launched, S.Finished, new[] { S.Launched, S.Error, S.Finished })]
    public void Apply_SeveralStepsInOneBlock_AcceptedAsTheFinalStateAndReportedSkippedWithThePath(S from, S to, S[] path)
    {
        var state = State(Minipool(from), since: Genesis);

        var update = state.Apply(Read(11, Genesis + 500, Minipool(to)));

        Assert.Equal(GoGoTransitionKind.Skipped, update.Kind);
        Assert.True(update.IsIrregular);
        Assert.Equal(to, update.After.Status);
        Assert.Equal(path, update.Path);
    }

    [Theory]
    [InlineData(S.Canceled, S.Launched)]
    [InlineData(S.Error, S.Staking)]
    [InlineData(S.Withdrawable, S.Staking)]
    [InlineData(S.Finished, S.Launched)]
    public void Classify_MoveThatNeedsARelaunchAndAClaimBetween_Forbidden(S from, S to) =>
        Assert.Equal(GoGoTransitionKind.Forbidden, GoGoTransitions.Classify(from, to, out _));

    [Fact]
    public void Apply_ReadOfAnOlderBlock_IgnoredAsStale()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis), since: Genesis, block: 10);

        var update = state.Apply(Read(9, Genesis - 12, Minipool(S.Launched)));

        Assert.Equal(GoGoTransitionKind.Stale, update.Kind);
        Assert.Same(state, update.After);
        Assert.False(update.EpisodeChanged);
    }

    [Fact]
    public void Apply_ReReadAtALowerHeadAfterAReorg_Accepted()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis), since: Genesis, block: 10);

        var rewound = state.Rewound(commonAncestor: 7);
        var update = rewound.Apply(Read(9, Genesis - 12, Minipool(S.Launched), statusChanged: false));

        Assert.Equal(7UL, rewound.AsOfBlock);
        Assert.Equal(GoGoTransitionKind.Forbidden, update.Kind);
        Assert.Equal(S.Launched, update.After.Status);
        Assert.Equal(9UL, update.After.AsOfBlock);
        Assert.Null(update.After.StatusSince);
        Assert.Same(state, state.Rewound(commonAncestor: 10));
    }

    [Fact]
    public void Apply_NewStatusFromAReReadWithoutALog_StatusSinceUnknown()
    {
        var state = State(Minipool(S.Launched), since: Genesis);

        var update = state.Apply(Read(11, Genesis + 500, Minipool(S.Staking, startTime: Genesis + 400), statusChanged: false));

        Assert.Equal(GoGoTransitionKind.Allowed, update.Kind);
        Assert.Null(update.After.StatusSince);
        Assert.True(update.EpisodeChanged);
    }

    [Fact]
    public void Apply_SameStatusAgain_UnchangedKeepingStatusSinceAndEpisode()
    {
        var state = State(Minipool(S.Staking, startTime: Genesis), since: Genesis, block: 10);

        var sameBlock = state.Apply(Read(10, Genesis, Minipool(S.Staking, startTime: Genesis)));
        var reRead = state.Apply(Read(12, Genesis + 24, Minipool(S.Staking, startTime: Genesis), statusChanged: false));

        Assert.Equal((GoGoTransitionKind.Unchanged, false, (ulong?)Genesis), (sameBlock.Kind, sameBlock.EpisodeChanged, sameBlock.After.StatusSince));
        Assert.Equal((GoGoTransitionKind.Unchanged, false, (ulong?)Genesis, 12UL), (reRead.Kind, reRead.EpisodeChanged, reRead.After.StatusSince, reRead.After.AsOfBlock));
    }

    [Fact]
    public void Apply_StatusLogInALaterBlockForTheStatusHeld_ANewEpisodeFromThatBlock()
    {
        var state = State(Minipool(S.Prelaunch), since: Genesis, block: 10);

        var update = state.Apply(Read(20, Genesis + 120, Minipool(S.Prelaunch, creationTime: Genesis + 120)));

        Assert.Equal(GoGoTransitionKind.Unchanged, update.Kind);
        Assert.True(update.EpisodeChanged);
        Assert.Equal(Genesis + 120, update.After.StatusSince);
    }

    [Fact]
    public void Discover_FirstRead_StatusSinceOnlyFromAStatusLog()
    {
        var fromLog = GoGoMinipoolTrackingState.Discover(Read(5, Genesis + 60, Minipool(S.Prelaunch)));
        var coldStart = GoGoMinipoolTrackingState.Discover(Read(5, Genesis + 60, Minipool(S.Staking), statusChanged: false));

        Assert.Equal((S.Prelaunch, 5UL, (ulong?)(Genesis + 60)), (fromLog.Status, fromLog.AsOfBlock, fromLog.StatusSince));
        Assert.Equal((S.Staking, 5UL, (ulong?)null), (coldStart.Status, coldStart.AsOfBlock, coldStart.StatusSince));
    }
}
