using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Beacon.Ssz;

public sealed class Sha256Tests
{
    [Fact]
    public void Hash64_RandomBlocks_EqualsTheBclHash()
    {
        var random = new Random(4788);
        var block = new byte[64];
        var hash = new byte[32];
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(block);
            Keeper.Chain.Beacon.Ssz.Sha256.Hash64(block, hash);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(block), hash);
        }
    }

    [Fact]
    public void Hash64_OverlappingOutput_WritesTheHashOverTheInput()
    {
        var block = new byte[64];
        new Random(1).NextBytes(block);
        var expected = System.Security.Cryptography.SHA256.HashData(block);
        Keeper.Chain.Beacon.Ssz.Sha256.Hash64(block, block.AsSpan(0, 32));
        Assert.Equal(expected, block[..32]);
    }

    [Fact]
    public void ZeroHashes_FirstRungs_AreTheKnownValues()
    {
        Assert.Equal(Hash32.Zero, new Hash32(ZeroHashes.Get(0)));
        Assert.Equal(Hash32.Parse("0xf5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b"), new Hash32(ZeroHashes.Get(1)));
        Assert.Equal(Hash32.Parse("0xdb56114e00fdd4c1f85c892bf35ac9a89289aaecb1ebd0a96cde606a748b5d71"), new Hash32(ZeroHashes.Get(2)));
    }
}
