using System.Text;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Crypto;

public sealed class Keccak256Tests
{
    // Keccak-256 (original padding, as Ethereum uses it) of short ASCII messages. The empty-input value is also
    // Ethereum's well-known empty code hash (KECCAK_EMPTY in the Yellow Paper); the others are the widely published
    // Keccak-256 examples, also checked on anvil through selectors and topics in the ABI tests.
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    [InlineData("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hash_KnownMessages_MatchPublishedDigests(string message, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void Hash_EmptyRlpList_IsTheEmptyOmmersHash() =>
        // keccak256(rlp([])) = the sha3Uncles of every post-merge block header.
        Assert.Equal("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", Hex.Encode(Keccak256.Hash([0xc0])));

    [Theory]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(1000)]
    public void Hash_SpanOverloadAcrossRateBoundary_AgreesWithArrayOverload(int length)
    {
        var input = new byte[length];
        new Random(1234).NextBytes(input);
        var output = new byte[40];

        Keccak256.Hash(input, output);

        Assert.Equal(Keccak256.Hash(input), output[..32]);
        Assert.All(output[32..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Hash_OutputTooSmall_Throws() =>
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
}
