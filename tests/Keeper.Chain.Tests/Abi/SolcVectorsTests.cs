using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

/// <summary>
/// Vectors produced by the reference implementation: the contract in SolcVectors.sol (next to this file), compiled with
/// solc 0.8.37 and run on anvil 1.7.1 (the versions pinned in tools/devchain/package.json), with the values it returned,
/// emitted or reverted with copied here as data.
/// </summary>
public sealed class SolcVectorsTests
{
    private static readonly Address Sender = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    private static readonly AbiType S = AbiType.Parse("(uint256,uint256[],(uint8,string)[],bytes3,int16,address,bool)");

    // Vectors.sample() in SolcVectors.sol.
    private static object?[] Sample() =>
    [
        new BigInteger(7),
        new object?[] { BigInteger.One, (BigInteger.One << 256) - 1, BigInteger.Zero },
        new object?[]
        {
            new object?[] { new BigInteger(5), "five" },
            new object?[] { new BigInteger(255), "a string that is longer than thirty-two bytes, with unicode \u00e9\u20ac" },
        },
        "abc"u8.ToArray(),
        new BigInteger(-300),
        Sender,
        true,
    ];

    [Fact]
    public void Encode_NestedDynamicTuple_MatchesSolcAbiEncode()
    {
        // Vectors.encodeSample(): abi.encode(sample(), ["", "x", "thirty-two bytes exactly........"], int8(-1), bytes32(uint256(1))).
        const string expected =
            "0000000000000000000000000000000000000000000000000000000000000080" +
            "0000000000000000000000000000000000000000000000000000000000000380" +
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000007" +
            "00000000000000000000000000000000000000000000000000000000000000e0" +
            "0000000000000000000000000000000000000000000000000000000000000160" +
            "6162630000000000000000000000000000000000000000000000000000000000" +
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed4" +
            "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" +
            "0000000000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "00000000000000000000000000000000000000000000000000000000000000c0" +
            "0000000000000000000000000000000000000000000000000000000000000005" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "0000000000000000000000000000000000000000000000000000000000000004" +
            "6669766500000000000000000000000000000000000000000000000000000000" +
            "00000000000000000000000000000000000000000000000000000000000000ff" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "0000000000000000000000000000000000000000000000000000000000000041" +
            "6120737472696e672074686174206973206c6f6e676572207468616e20746869" +
            "7274792d74776f2062797465732c207769746820756e69636f646520c3a9e282" +
            "ac00000000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000060" +
            "0000000000000000000000000000000000000000000000000000000000000080" +
            "00000000000000000000000000000000000000000000000000000000000000c0" +
            "0000000000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "7800000000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000020" +
            "7468697274792d74776f2062797465732065786163746c792e2e2e2e2e2e2e2e";
        string[] names = ["", "x", "thirty-two bytes exactly........"];
        var bytes32One = new byte[32];
        bytes32One[31] = 1;
        AbiType[] types = [S, AbiType.Parse("string[]"), AbiType.Int(8), AbiType.Bytes32];

        var encoded = AbiEncoder.Encode(types, [Sample(), names, -1, bytes32One]);

        Assert.Equal("0x" + expected, Hex.Encode(encoded));
        AbiValueAssert.SequenceEqual([Sample(), names.Cast<object?>().ToArray(), new BigInteger(-1), bytes32One], AbiDecoder.Decode(types, encoded));
    }

    [Fact]
    public void Packed_RocketStorageKey_MatchesSolcKeccakOfEncodePacked()
    {
        // Vectors.packedKey("rocketNodeManager") = keccak256(abi.encodePacked("contract.address", "rocketNodeManager")).
        var packed = AbiPacked.Encode([AbiType.String, AbiType.String], ["contract.address", "rocketNodeManager"]);

        Assert.Equal("0xaf00be55c9fb8f543c04e0aa0d70351b880c1bfafffd15b60065a4a50c85ec94", Hex.Encode(Sha3Keccack.Current.CalculateHash(packed)));
    }

    [Fact]
    public void Packed_MixedTypes_MatchSolcEncodePacked()
    {
        // Vectors.packedMixed().
        const string expected =
            "0xffff42000348656c6c6f2c20776f726c6421" +
            "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" + "01" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "00000000000000000000000000000000000000000000000000000000000000ff" +
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffb" +
            "0000000000000000000000000000000000000000000000000000000000000007" +
            "beef" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe";
        AbiType[] types =
        [
            AbiType.Int(16), AbiType.FixedBytes(1), AbiType.UInt(16), AbiType.String, AbiType.Address, AbiType.Bool,
            AbiType.Parse("uint8[]"), AbiType.Parse("int24[2]"), AbiType.Bytes, AbiType.UInt256, AbiType.Int(256),
        ];

        var packed = AbiPacked.Encode(types, [-1, new byte[] { 0x42 }, 3, "Hello, world!", Sender, true, new[] { 1, 255 }, new[] { -5, 7 }, new byte[] { 0xbe, 0xef }, 1, -2]);

        Assert.Equal(expected, Hex.Encode(packed));
    }

    [Fact]
    public void EncodeTopic_IndexedStringArrayAndStruct_MatchSolcLog()
    {
        // The Noted log of Vectors.emitAll(): emit Noted("hello", [1, 2], T(7, "x"), hex"010203", -9).
        var noted = AbiEvent.Parse("event Noted(string indexed note, uint256[] indexed ids, (uint8,string) indexed pair, bytes blob, int32 plain)");
        Hash32[] topics =
        [
            Hash32.Parse("0xf214fadef1cd1f9e503e1c4a7bf4e1d564c929abdd07227f34ee63615531aff5"),
            Hash32.Parse("0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8"),
            Hash32.Parse("0xe90b7bceb6e7df5418fb78d8ee546e97c83a08bbccc01a0644d599ccd2a7c2e0"),
            Hash32.Parse("0xba6aca5dc292c519af3c8b1757b9e5229cdebd2267b081638203c3f9729b48f5"),
        ];
        var data = Hex.Decode(
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0102030000000000000000000000000000000000000000000000000000000000");

        var decoded = noted.Decode(topics, data);

        Assert.Equal(topics[0], noted.Topic0);
        Assert.Equal(topics[1], noted.EncodeTopic(0, "hello"));
        Assert.Equal(topics[2], noted.EncodeTopic(1, new[] { 1, 2 }));
        Assert.Equal(topics[3], noted.EncodeTopic(2, new object?[] { 7, "x" }));
        Assert.Equal(topics[3], decoded.Get<Hash32>("pair"));
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Get<byte[]>("blob"));
        Assert.Equal(-9, decoded.Get<int>("plain"));
    }

    [Fact]
    public void EncodeTopic_IndexedNestedStructFixedArrayAndStringArray_MatchSolcLog()
    {
        // The Nested log of Vectors.emitAll(): emit Nested(sample(), [bytes32(0xaa), bytes32(0xbb)], ["one", "a longer name ..."]).
        var nested = AbiEvent.Parse($"event Nested({S} indexed s, bytes32[2] indexed fixedArr, string[] indexed names)");
        var aa = new byte[32];
        aa[31] = 0xaa;
        var bb = new byte[32];
        bb[31] = 0xbb;

        Assert.Equal(Hash32.Parse("0x888c041216ef86461d48c5323b853aa89fe6d8f946d4e8c516c27ddd21b2dab5"), nested.Topic0);
        Assert.Equal(Hash32.Parse("0x4ca1057f237ffa074371646c83f3589377d653eccd5349f1cebf1f4cceb8bd4b"), nested.EncodeTopic(0, Sample()));
        Assert.Equal(Hash32.Parse("0xe75341cef40916e44766738c5c2fc48518809c87d2843a8bec425b4bc23f242e"), nested.EncodeTopic(1, new[] { aa, bb }));
        Assert.Equal(
            Hash32.Parse("0x64205b8005e3c68f278a3cf0b2fda01a71f52456c4c0215421cf7473c7f8e5d2"),
            nested.EncodeTopic(2, new[] { "one", "a longer name that spans more than thirty-two bytes" }));
    }

    [Fact]
    public void RevertDecoder_SolcRevertData_DecodesEachCase()
    {
        var unauthorized = AbiError.Parse("error Unauthorized(address caller, uint256 required)");

        // Vectors.failCustom() called from anvil's first account, failPanic(0) and failOverflow(10).
        var custom = RevertDecoder.Decode(Hex.Decode("0xda472023000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb922660000000000000000000000000000000000000000000000000000000000000005"), [unauthorized]);
        var division = RevertDecoder.Decode(Hex.Decode("0x4e487b710000000000000000000000000000000000000000000000000000000000000012"));
        var overflow = RevertDecoder.Decode(Hex.Decode("0x4e487b710000000000000000000000000000000000000000000000000000000000000011"));

        Assert.Equal("reverted with error Unauthorized(caller=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, required=5)", custom.ToString());
        Assert.Equal(new BigInteger(0x12), Assert.IsType<RevertReason.Panic>(division).Code);
        Assert.Equal(new BigInteger(0x11), Assert.IsType<RevertReason.Panic>(overflow).Code);
    }
}
