using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiPackedTests
{
    [Fact]
    public void Encode_SpecificationExample_MatchesExpectedBytes()
    {
        // Solidity ABI specification, "Non-standard Packed Mode":
        // abi.encodePacked(int16(-1), bytes1(0x42), uint16(0x03), string("Hello, world!")).
        var types = new[] { AbiType.Int(16), AbiType.FixedBytes(1), AbiType.UInt(16), AbiType.String };

        var packed = AbiPacked.Encode(types, [-1, new byte[] { 0x42 }, 3, "Hello, world!"]);

        Assert.Equal("0xffff42000348656c6c6f2c20776f726c6421", Hex.Encode(packed));
    }

    [Fact]
    public void Encode_Uint16_IsTwoBytes()
    {
        // Solidity ABI specification: abi.encodePacked(uint16(0x12)) == hex"0012".
        Assert.Equal("0x0012", Hex.Encode(AbiPacked.Encode([AbiType.UInt(16)], [0x12])));
    }

    [Fact]
    public void Encode_RocketStorageKey_IsTheConcatenatedUtf8()
    {
        // RocketStorage keys: keccak256(abi.encodePacked("contract.address", name)).
        var packed = AbiPacked.Encode([AbiType.String, AbiType.String], ["contract.address", "rocketNodeManager"]);

        Assert.Equal("contract.addressrocketNodeManager"u8.ToArray(), packed);
        Assert.Equal(Sha3Keccack.Current.CalculateHashAsBytes("contract.addressrocketNodeManager"), Sha3Keccack.Current.CalculateHash(packed));
    }

    [Fact]
    public void Encode_ElementaryTypes_TakeTheirNaturalSize()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var types = new[] { AbiType.Address, AbiType.Bool, AbiType.UInt(8), AbiType.Int(24), AbiType.Bytes, AbiType.UInt256 };

        var packed = AbiPacked.Encode(types, [address, true, 255, -2, new byte[] { 1, 2 }, BigInteger.One]);

        Assert.Equal(
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" + "01" + "ff" + "fffffe" + "0102" + new string('0', 63) + "1",
            Hex.Encode(packed));
    }

    [Fact]
    public void Encode_Array_PadsEachElementAndOmitsTheLength()
    {
        var packed = AbiPacked.Encode([AbiType.Parse("uint8[]"), AbiType.Parse("bytes2[2]")], [new[] { 1, 2 }, new[] { new byte[] { 0xaa, 0xbb }, new byte[] { 0xcc, 0xdd } }]);

        Assert.Equal(
            "0x" + new string('0', 62) + "01" + new string('0', 62) + "02" + "aabb" + new string('0', 60) + "ccdd" + new string('0', 60),
            Hex.Encode(packed));
    }

    [Theory]
    [InlineData("(uint256,bool)")]
    [InlineData("uint256[][]")]
    [InlineData("string[]")]
    [InlineData("bytes[2]")]
    public void Encode_UnsupportedType_Throws(string type)
    {
        var ex = Assert.Throws<AbiException>(() => AbiPacked.Encode([AbiType.Parse(type)], [null]));

        Assert.Contains($"argument 0 ({type}) cannot be packed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_OutOfRangeValue_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => AbiPacked.Encode([AbiType.String, AbiType.UInt(8)], ["a", 256]));

        Assert.Equal("argument 1 (uint8): 256 is out of range 0..255.", ex.Message);
    }
}
