using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

public sealed class TrackingSnapshotsTests
{
    [Fact]
    public void Megapool_RoundTrip_KeepsEveryField()
    {
        var v1 = new ValidatorInfo(1, 2, 3, 4, true, false, true, false, true, false, true, false, 55, ValidatorInfoLayout.V1, null, 66, 77, 88);
        var state = MegapoolTrackingState.Empty(MegapoolAddress)
            .WithRead(0, Prestaked(1_750_000_000), Enumerable.Range(0, 48).Select(i => (byte)i).ToArray(), 12)
            .WithRead(5, v1, null, 13)
            .WithWithdrawableEpoch(0, 123);

        var back = TrackingSnapshots.DeserializeMegapool(TrackingSnapshots.Serialize(state));

        Assert.Equal(state.Megapool, back.Megapool);
        Assert.Equal(state.AsOfBlock, back.AsOfBlock);
        Assert.Equal(state.Validators.Keys, back.Validators.Keys);
        foreach (var (id, track) in state.Validators)
        {
            Assert.Equal(track.Info, back.Validators[id].Info);
            Assert.Equal(track.Pubkey, back.Validators[id].Pubkey);
            Assert.Equal(track.WithdrawableEpoch, back.Validators[id].WithdrawableEpoch);
        }

        Assert.Equal(state.Duties(Settings()), back.Duties(Settings()));
    }

    [Fact]
    public void Minipool_RoundTrip()
    {
        var state = new MinipoolTrackingState(MinipoolIn(MinipoolStatus.Prelaunch, 1_750_000_000), 42);
        Assert.Equal(state, TrackingSnapshots.DeserializeMinipool(TrackingSnapshots.Serialize(state)));
    }
}
