using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Beacon.Ssz;

public sealed class SszListTypeTests
{
    [Fact]
    public void Serialize_VariableSizeElements_WritesAnOffsetTableThatElementSliceReads()
    {
        var list = new SszListType(new SszByteListType(32), 8);
        byte[][] elements = [[1], [], [2, 3, 4]];

        var bytes = list.Serialize(elements);

        Assert.Equal(3, list.Count(bytes));
        for (var i = 0; i < elements.Length; i++)
        {
            Assert.Equal(elements[i], list.ElementSlice(bytes, i).In(bytes).ToArray());
        }
    }

    [Fact]
    public void Serialize_OverTheLimit_ThrowsNamingTheLimit()
    {
        var list = new SszListType(BeaconTypes.Uint64, 2);
        var e = Assert.Throws<SszException>(() => list.Serialize([new byte[8], new byte[8], new byte[8]]));
        Assert.Contains("at most 2 elements; got 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HashTreeRoot_EmptyList_IsTheZeroSubtreeMixedWithLengthZero()
    {
        var list = new SszListType(BeaconTypes.Bytes32, 4);
        var expected = new byte[64];
        ZeroHashes.Get(2).CopyTo(expected);
        Assert.Equal(new Hash32(System.Security.Cryptography.SHA256.HashData(expected)), list.HashTreeRoot([]));
    }

    [Fact]
    public void Validate_BitlistWithoutDelimiter_Throws()
    {
        var bits = new SszBitlistType(16);
        Assert.Throws<SszException>(() => bits.Validate([0x05, 0x00]));
        Assert.Throws<SszException>(() => bits.Validate([0x00, 0x00, 0x02]));
        bits.Validate([0x00, 0x00, 0x01]);
        bits.Validate([0x00, 0x01]);
        Assert.Equal(8, SszBitlistType.BitLength([0x00, 0x01]));
    }

    [Theory]
    [InlineData("electra", BeaconFork.Electra)]
    [InlineData("Fulu", BeaconFork.Fulu)]
    public void BeaconForks_Parse_KnownVersions(string header, BeaconFork fork) => Assert.Equal(fork, BeaconForks.Parse(header));

    [Fact]
    public void BeaconForks_Parse_OlderFork_SaysElectraAndLater()
    {
        var e = Assert.Throws<FormatException>(() => BeaconForks.Parse("deneb"));
        Assert.Contains("'deneb'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Electra and later", e.Message, StringComparison.Ordinal);
    }
}
