using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rlp;
using Keeper.Chain.Transactions;
using Xunit;

namespace Keeper.Chain.Tests.Transactions;

public sealed class TransactionDecoderTests
{
    // Source: EIP-155 "Example", the signed transaction.
    internal const string Eip155SignedRaw =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    // Valid signed transactions with their hash and sender, and the chain id they imply.
    // Sources: ethereum/tests TransactionTests/EIP155/ttTransactionTestEip155VitaliksTests.json (Vitalik_*),
    // ethereum/tests TransactionTests/ttSignature/RightVRSTest.json, and
    // ethereum/tests TransactionTests/ttEIP1559/GasLimitPriceProductOverflowtMinusOne.json (London result).
    public static TheoryData<string, string, string, string, ulong> ValidVectors => new()
    {
        {
            "Vitalik_1",
            "0xf864808504a817c800825208943535353535353535353535353535353535353535808025a0044852b2a670ade5407e78fb2863c51de9fcb96542a07186fe3aeda6bb8a116da0044852b2a670ade5407e78fb2863c51de9fcb96542a07186fe3aeda6bb8a116d",
            "0xb1e2188bc490908a78184e4818dca53684167507417fdb4c09c2d64d32a9896a", "0xf0f6f18bca1b28cd68e4357452947e021241e9ce", 1
        },
        {
            "Vitalik_2",
            "0xf864018504a817c80182a410943535353535353535353535353535353535353535018025a0489efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bcaa0489efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc6",
            "0xe62703f43b6f10d42b520941898bf710ebb66dba9df81702702b6d9bf23fef1b", "0x23ef145a395ea3fa3deb533b8a9e1b4c6c25d112", 1
        },
        {
            "Vitalik_4",
            "0xf865038504a817c803830148209435353535353535353535353535353535353535351b8025a02a80e1ef1d7842f27f2e6be0972bb708b9a135c38860dbe73c27c3486c34f4e0a02a80e1ef1d7842f27f2e6be0972bb708b9a135c38860dbe73c27c3486c34f4de",
            "0x99b6455776b1988840d0074c23772cb6b323eb32c5011e4a3a1d06d27b2eb425", "0x82a88539669a3fd524d669e858935de5e5410cf0", 1
        },
        {
            "Vitalik_8",
            "0xf866068504a817c80683023e3894353535353535353535353535353535353535353581d88025a06455bf8ea6e7463a1046a0b52804526e119b4bf5136279614e0b1e8e296a4e2fa06455bf8ea6e7463a1046a0b52804526e119b4bf5136279614e0b1e8e296a4e2d",
            "0x4ed0b4b20536cce62389c6b95ff6a517489b6045efdefeabb4ecf8707d99e15d", "0xf1f571dc362a0e5b2696b8e775f8491d3e50de35", 1
        },
        {
            "Vitalik_10",
            "0xf867088504a817c8088302e2489435353535353535353535353535353535353535358202008025a064b1702d9298fee62dfeccc57d322a463ad55ca201256d01f62b45b2e1c21c12a064b1702d9298fee62dfeccc57d322a463ad55ca201256d01f62b45b2e1c21c10",
            "0x588df025c4c2d757d3e314bd3dfbfe352687324e6b8557ad1731585e96928aed", "0x9bddad43f934d313c2b79ca28a432dd2b7281029", 1
        },
        {
            "Vitalik_12 (pre-EIP-155, contract creation)",
            "0xf8610e80830493e080809560f2ff61000080610011600039610011565b6000f31ca0a310f4d0b26207db76ba4e1e6e7cf1857ee3aa8559bcbc399a6b09bfea2d30b4a06dff38c645a1486651a717ddf3daccb4fd9a630871ecea0758ddfcf2774f9bc6",
            "0xdb38325f4c7a9917a611fd09694492c23b0ec357a68ab5cbf905fc9757b9919a", "0x874b54a8bd152966d63f706bae1ffeb0411921e5", 0
        },
        {
            "Vitalik_13 (pre-EIP-155, data)",
            "0xf8660f80830493e09400000000000000000000000000000000000000c08086646f6e6b65791ba09f00c6da4f2e4b5f3316e70c7669f9df71fa21d533afa63450065731132ba7b6a03886c27a8b3515ab9e2e04492f8214718621421e92d3b6954d9e3fb409ead788",
            "0x278608eba8465230d0552c8df9fbcc6fc35d2350f4feb0e49a399b2adab37e39", "0x874b54a8bd152966d63f706bae1ffeb0411921e5", 0
        },
        {
            "Vitalik_14 (pre-EIP-155, contract creation with value)",
            "0xf8610f80830493e080019560f3ff61000080610011600039610011565b6000f31ba0af2944b645e280a35789aacfce7e16a8d57b43a0076dfd564bdc0395e3576324a05272a0013f198713128bb0e3da43bb03ec7224c5509d4cabbe39fd31c36b5786",
            "0xd9a26fff8704b137b592b07b64a86eac555dc347c87ae7fe1d2fe824d12427e5", "0x874b54a8bd152966d63f706bae1ffeb0411921e5", 0
        },
        {
            "RightVRSTest",
            "0xf85f030182520894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a801ca098ff921201554726367d2be8c804a7ff89ccf285ebc57dff8ae4c44b9c19ac4aa01887321be575c8095f789dd4c743dfe42c1820f9231f98a962b210e3ac2452a3",
            "0x1cbb233404f49e96cb795d0ea74f485eca2c41a216e0ce80694cef4dd7a45b50", "0x58d79230fc81a042315da7d243272798e27cb40c", 0
        },
        {
            "GasLimitPriceProductOverflowtMinusOne (type 2)",
            "0x02f885018084773594009f02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82520894095e7baea6a6c7c4c2dfeb977efac326af552d878080c080a05cbd172231fc0735e0fb994dd5b1a4939170a260b36f0427a8a80866b063b948a07c230f7f578dd61785c93361b9871c0706ebfa6d06e3f4491dc9558c5202ed36",
            "0xdad8bff3ecfcf95169b1d5625b47f3372be795802bc4fe570991cf332f609334", "0xae2aec498d20869d441eaaf708fb1e375ae1787d", 1
        },
    };

    // Invalid transactions and a fragment the error message must contain.
    // Sources: ethereum/tests TransactionTests/ttSignature/WrongVRSTestVEqual29.json, TransactionWithTooFewRLPElements.json;
    // ethereum/tests TransactionTests/ttEIP1559/maxFeePerGas00prefix.json, maxPriorityFeePerGas00prefix.json,
    // maxPriorityFeePerGass32BytesValue.json. The typed-envelope cases are built here.
    public static TheoryData<string, string, string> InvalidVectors => new()
    {
        {
            "WrongVRSTestVEqual29",
            "0xf85f800182520894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a801da098ff921201554726367d2be8c804a7ff89ccf285ebc57dff8ae4c44b9c19ac4aa08887321be575c8095f789dd4c743dfe42c1820f9231f98a962b210e3ac2452a3",
            "v = 29"
        },
        {
            "TransactionWithTooFewRLPElements",
            "0xf85e800182520894095e7baea6a6c7c4c2dfeb977efac326af552d870a1ba048b55bfa915ac795c431978d8a6a992b628d557da5ff759b307d495a36649353a0efffd310ac743f371de3b9f7f9cb56c0b28ad43601b4ab949f53faa07bd2c804",
            "list of 9 items"
        },
        {
            "maxFeePerGas00prefix",
            "0x02f88701808477359400a100ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82520894095e7baea6a6c7c4c2dfeb977efac326af552d878080c080a05cbd172231fc0735e0fb994dd5b1a4939170a260b36f0427a8a80866b063b948a07c230f7f578dd61785c93361b9871c0706ebfa6d06e3f4491dc9558c5202ed36",
            "integer"
        },
        {
            "maxPriorityFeePerGas00prefix",
            "0x02f8870180a100ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff84b2d05e0082520894095e7baea6a6c7c4c2dfeb977efac326af552d878080c080a05cbd172231fc0735e0fb994dd5b1a4939170a260b36f0427a8a80866b063b948a07c230f7f578dd61785c93361b9871c0706ebfa6d06e3f4491dc9558c5202ed36",
            "integer"
        },
        {
            "maxPriorityFeePerGass32BytesValue",
            "0x02f8860180a0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff84b2d05e0082520894095e7baea6a6c7c4c2dfeb977efac326af552d878080c080a05cbd172231fc0735e0fb994dd5b1a4939170a260b36f0427a8a80866b063b948a07c230f7f578dd61785c93361b9871c0706ebfa6d06e3f4491dc9558c5202ed36",
            "exceeds MaxFeePerGas"
        },
        { "EIP-2930 type", "0x01c0", "type 0x01" },
        { "EIP-4844 type", "0x03c0", "type 0x03" },
        { "EIP-7702 type", "0x04c0", "type 0x04" },
        { "RLP string, not a transaction", "0x8180", "RLP byte string" },
        { "empty", "0x", "empty" },
        { "type byte only", "0x02", "Malformed EIP-1559" },
        { "legacy with trailing byte", Eip155SignedRaw + "00", "trailing" },
    };

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Decode_ValidVector_RecoversSenderAndHash(string name, string raw, string hash, string sender, ulong chainId)
    {
        var decoded = TransactionDecoder.Decode(Hex.Decode(raw));

        Assert.Equal(Hash32.Parse(hash), decoded.Hash);
        Assert.Equal(Address.Parse(sender), decoded.Sender);
        Assert.Equal(chainId, decoded.Transaction.ChainId);
        Assert.Equal(raw, Hex.Encode(decoded.RawEncoding));
        Assert.Equal(raw, Hex.Encode(decoded.Transaction.EncodeSigned(decoded.Signature)));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Decode_InvalidVector_ThrowsTransactionDecodingException(string name, string raw, string messageFragment)
    {
        var ex = Assert.Throws<TransactionDecodingException>(() => TransactionDecoder.Decode(Hex.Decode(raw)));
        Assert.Contains(messageFragment, ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Decode_Eip155Example_GivesExampleFieldsAndSigner()
    {
        var decoded = TransactionDecoder.Decode(Hex.Decode(Eip155SignedRaw));

        Assert.Equal<UnsignedTransaction>(LegacyTransactionTests.Eip155Example, decoded.Transaction);
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), decoded.Sender);
        Assert.Equal(new Hash32(Keccak256.Hash(Hex.Decode(Eip155SignedRaw))), decoded.Hash);
        Assert.Equal(0, decoded.Signature.RecoveryId);
    }

    [Fact]
    public void Decode_Eip1559Vector_GivesFields()
    {
        var decoded = TransactionDecoder.Decode(Hex.Decode((string)ValidVectors.Last()[1]));
        var transaction = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(TransactionType.Eip1559, transaction.Type);
        Assert.Equal(new BigInteger(2_000_000_000), transaction.MaxPriorityFeePerGas);
        Assert.Equal((new BigInteger(3) << 240) - 1, transaction.MaxFeePerGas); // 0x02 followed by 30 bytes of 0xff
        Assert.Equal(21_000UL, transaction.GasLimit);
        Assert.Equal(Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"), transaction.To);
        Assert.Empty(transaction.AccessList);
    }

    [Fact]
    public void Decode_HighS_RejectedNamingEip2()
    {
        // The EIP-155 example with s replaced by n - s and v flipped (37 -> 38): the same signature in high-s form.
        var n = BigInteger.Parse("0" + Crypto.PrivateKeyTests.GroupOrderHex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var original = TransactionDecoder.Decode(Hex.Decode(Eip155SignedRaw));
        var highS = EcdsaSignature.FromComponents(original.Signature.RValue, n - original.Signature.SValue, 1);
        var raw = original.Transaction.EncodeSigned(highS);

        var ex = Assert.Throws<TransactionDecodingException>(() => TransactionDecoder.Decode(raw));
        Assert.Contains("EIP-2", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidSignatureException>(ex.InnerException);
    }

    [Fact]
    public void Decode_ZeroSignature_Rejected()
    {
        var original = TransactionDecoder.Decode(Hex.Decode(Eip155SignedRaw));
        var raw = original.Transaction.EncodeSigned(EcdsaSignature.FromComponents(0, 0, 0));
        Assert.Throws<TransactionDecodingException>(() => TransactionDecoder.Decode(raw));
    }

    [Fact]
    public void Decode_AccessListEntryWithWrongShape_RejectedWithOffset()
    {
        // A type-2 list whose access list holds a bare string instead of [address, keys].
        var fields = new[]
        {
            RlpEncoder.EncodeUInt(1UL), RlpEncoder.EncodeUInt(0UL), RlpEncoder.EncodeUInt(1UL), RlpEncoder.EncodeUInt(2UL),
            RlpEncoder.EncodeUInt(21_000UL), RlpEncoder.EncodeAddress(null), RlpEncoder.EncodeUInt(0UL), RlpEncoder.EncodeBytes([]),
            RlpEncoder.EncodeList(RlpEncoder.EncodeBytes([1, 2, 3])),
            RlpEncoder.EncodeUInt(0UL), RlpEncoder.EncodeUInt(1UL), RlpEncoder.EncodeUInt(1UL),
        };
        var raw = new byte[] { 0x02 }.Concat(RlpEncoder.EncodeList(fields)).ToArray();
        var ex = Assert.Throws<TransactionDecodingException>(() => TransactionDecoder.Decode(raw));
        Assert.Contains("byte offset", ex.Message, StringComparison.Ordinal);
    }
}
