using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Proving;
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
            .WithBeacon(0, CompliantRecord() with { EffectiveBalance = 32_000_000_000 })
            .WithRead(6, Staked(1_740_000_000) with { Exiting = true }, new byte[48], 14)
            .WithBeacon(6, ExitingRecord(400_000, index: 77))
            .WithFinalWithdrawal(6, new WithdrawalLocation(12_800_123, 3, 32_001_234_567));

        var back = TrackingSnapshots.DeserializeMegapool(TrackingSnapshots.Serialize(state));

        Assert.Equal(state.Megapool, back.Megapool);
        Assert.Equal(state.AsOfBlock, back.AsOfBlock);
        Assert.Equal(state.Validators.Keys, back.Validators.Keys);
        foreach (var (id, track) in state.Validators)
        {
            Assert.Equal(track.Info, back.Validators[id].Info);
            Assert.Equal(track.Pubkey, back.Validators[id].Pubkey);
            Assert.Equal(track.Beacon, back.Validators[id].Beacon);
            Assert.Equal(track.FinalWithdrawal, back.Validators[id].FinalWithdrawal);
        }

        var duties = back.Duties(Settings()).Select(d => d.Kind).ToHashSet();
        Assert.Contains(DutyKind.DissolveProof, duties);
        Assert.Contains(DutyKind.FinalBalance, duties);
        Assert.Equal(state.Duties(Settings()), back.Duties(Settings()));
    }

    [Fact]
    public void Megapool_PayloadWrittenBeforeBeaconRecords_ReadsWithoutThem()
    {
        // Older payloads kept only the withdrawable epoch; the beacon watcher tells every record again after a restart.
        const string payload = "{\"megapool\":\"0x00000000000000000000000000000000000000a1\",\"asOf\":12,\"validators\":[{\"id\":0,\"layout\":2,"
            + "\"u32\":[1750000000,32000,4000,0],\"flags\":[true,false,false,false,false,false,false,false],\"exitBalance\":0,\"lockedTime\":0,"
            + "\"withdrawableEpoch\":123}]}";

        var back = TrackingSnapshots.DeserializeMegapool(System.Text.Encoding.UTF8.GetBytes(payload));

        var track = back.Validators[0];
        Assert.True(track.Info.Staked);
        Assert.Null(track.Beacon);
        Assert.Null(track.FinalWithdrawal);
        Assert.Empty(back.Duties(Settings()));
    }

    [Fact]
    public void Minipool_RoundTrip()
    {
        var state = new MinipoolTrackingState(MinipoolIn(MinipoolStatus.Prelaunch, 1_750_000_000), 42);
        Assert.Equal(state, TrackingSnapshots.DeserializeMinipool(TrackingSnapshots.Serialize(state)));
    }
}
