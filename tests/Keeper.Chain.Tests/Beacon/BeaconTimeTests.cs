using Keeper.Chain.Beacon;
using Xunit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconTimeTests
{
    // Mainnet: genesis 1606824023 (2020-12-01 12:00:23 UTC), 12 s slots, 32-slot epochs.
    private const ulong Genesis = 1606824023;
    private static readonly BeaconTime Mainnet = new(Genesis, new BeaconSpec(12, 32));

    [Fact]
    public void EpochStartTime_EpochZeroAndOne_GenesisAndOneEpochLater()
    {
        Assert.Equal(Genesis, Mainnet.EpochStartTime(0));
        Assert.Equal(Genesis + 384, Mainnet.EpochStartTime(1));
        Assert.Equal(384UL, Mainnet.SecondsPerEpoch);
    }

    [Fact]
    public void EpochStartTime_FarFutureEpoch_IsNull()
    {
        Assert.Null(Mainnet.EpochStartTime(BeaconTime.FarFutureEpoch));
        Assert.Null(Mainnet.EpochStartUtc(BeaconTime.FarFutureEpoch));
        Assert.Null(Mainnet.FirstSlotOfEpoch(BeaconTime.FarFutureEpoch));
    }

    [Fact]
    public void EpochStartTime_LastEpochThatFits_IsExactAndTheNextIsNull()
    {
        var last = (ulong.MaxValue - Genesis) / 384;

        Assert.Equal(Genesis + (last * 384), Mainnet.EpochStartTime(last));
        Assert.Null(Mainnet.EpochStartTime(last + 1));
    }

    [Fact]
    public void SlotStartTime_LastSlotThatFits_IsExactAndTheNextIsNull()
    {
        var last = (ulong.MaxValue - Genesis) / 12;

        Assert.Equal(Genesis + (last * 12), Mainnet.SlotStartTime(last));
        Assert.Null(Mainnet.SlotStartTime(last + 1));
        Assert.Null(Mainnet.SlotStartTime(ulong.MaxValue));
    }

    [Fact]
    public void EpochStartUtc_KnownEpoch_GivesTheUtcTime()
    {
        // Epoch 1 starts 384 s after genesis: 2020-12-01 12:06:47 UTC.
        Assert.Equal(new DateTimeOffset(2020, 12, 1, 12, 6, 47, TimeSpan.Zero), Mainnet.EpochStartUtc(1));
    }

    [Fact]
    public void EpochStartUtc_BeyondYear9999_IsNull()
    {
        var epochIn10000 = ((ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds() - Genesis) / 384 + 1;

        Assert.NotNull(Mainnet.EpochStartUtc(epochIn10000 - 1));
        Assert.Null(Mainnet.EpochStartUtc(epochIn10000));
    }

    [Theory]
    [InlineData(0UL, null)]
    [InlineData(Genesis - 1, null)]
    [InlineData(Genesis, 0UL)]
    [InlineData(Genesis + 11, 0UL)]
    [InlineData(Genesis + 12, 1UL)]
    [InlineData(Genesis + 383, 31UL)]
    [InlineData(Genesis + 384, 32UL)]
    public void SlotAt_AroundBoundaries_GivesTheSlotInProgress(ulong timestamp, ulong? expected) =>
        Assert.Equal(expected, Mainnet.SlotAt(timestamp));

    [Theory]
    [InlineData(Genesis - 1, null)]
    [InlineData(Genesis, 0UL)]
    [InlineData(Genesis + 383, 0UL)]
    [InlineData(Genesis + 384, 1UL)]
    [InlineData(ulong.MaxValue, (ulong.MaxValue - Genesis) / 384)]
    public void EpochAt_AroundBoundaries_GivesTheEpochInProgress(ulong timestamp, ulong? expected) =>
        Assert.Equal(expected, Mainnet.EpochAt(timestamp));

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(31UL, 0UL)]
    [InlineData(32UL, 1UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue / 32)]
    public void EpochOfSlot_Boundaries_DividesBySlotsPerEpoch(ulong slot, ulong expected) =>
        Assert.Equal(expected, Mainnet.EpochOfSlot(slot));

    [Fact]
    public void Conversions_RandomEpochsAndSlots_RoundTrip()
    {
        var random = new Random(1234);
        var time = new BeaconTime(Genesis, new BeaconSpec(6, 8));
        for (var i = 0; i < 1000; i++)
        {
            var epoch = (ulong)random.NextInt64(0, 1L << 40);
            var start = time.EpochStartTime(epoch)!.Value;
            var offset = (ulong)random.Next(0, 48);

            Assert.Equal(epoch, time.EpochAt(start + offset));
            Assert.Equal(time.FirstSlotOfEpoch(epoch) + (offset / 6), time.SlotAt(start + offset));
            Assert.Equal(epoch, time.EpochOfSlot(time.FirstSlotOfEpoch(epoch)!.Value));
            Assert.Equal(start, time.SlotStartTime(time.FirstSlotOfEpoch(epoch)!.Value));
        }
    }

    [Fact]
    public void From_GenesisAndSpec_UsesBoth()
    {
        var time = BeaconTime.From(new BeaconGenesis(100, default, 0), new BeaconSpec(5, 4));

        Assert.Equal(100UL, time.GenesisTime);
        Assert.Equal(120UL, time.EpochStartTime(1));
    }

    [Theory]
    [InlineData(0UL, 32UL)]
    [InlineData(12UL, 0UL)]
    [InlineData(4294967296UL, 4294967296UL)]
    public void Constructor_UnusableSpec_Throws(ulong secondsPerSlot, ulong slotsPerEpoch) =>
        Assert.Throws<ArgumentException>(() => new BeaconTime(Genesis, new BeaconSpec(secondsPerSlot, slotsPerEpoch)));
}
