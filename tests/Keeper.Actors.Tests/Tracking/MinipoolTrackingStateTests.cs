using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

public sealed class MinipoolTrackingStateTests
{
    private const ulong StatusTime = 1_750_000_000;
    private const ulong Timeout = 72 * 60 * 60;

    [Fact]
    public void Duty_Prelaunch_DueExactlyAtTimeoutBecauseTheRuleIsAtOrAfter()
    {
        var duty = new MinipoolTrackingState(MinipoolIn(MinipoolStatus.Prelaunch, StatusTime), 5).Duty(Settings());

        Assert.NotNull(duty);
        Assert.Equal(StatusTime + Timeout, duty.DueAt);
        Assert.Equal(DutyKind.DissolveMinipool, duty.Kind);
        Assert.Equal($"dissolve:minipool:{MinipoolAddress.ToLowerHex()}", duty.Key);
    }

    [Fact]
    public void Duty_AtEachSecondAroundTheBoundary_MatchesTheContractRule()
    {
        var due = new MinipoolTrackingState(MinipoolIn(MinipoolStatus.Prelaunch, StatusTime), 5).Duty(Settings())!.DueAt;

        // The contract: block.timestamp - statusTime >= launchTimeout.
        foreach (var t in new[] { StatusTime + Timeout - 1, StatusTime + Timeout, StatusTime + Timeout + 1 })
        {
            Assert.Equal(t - StatusTime >= Timeout, t >= due);
        }
    }

    [Theory]
    [InlineData(MinipoolStatus.Initialised)]
    [InlineData(MinipoolStatus.Staking)]
    [InlineData(MinipoolStatus.Dissolved)]
    public void Duty_NotPrelaunch_None(MinipoolStatus status) =>
        Assert.Null(new MinipoolTrackingState(MinipoolIn(status, StatusTime), 5).Duty(Settings()));
}
