using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Keeper.Chain.Tests.Crypto;
using Keeper.Chain.Transactions;
using Xunit;

namespace Keeper.Chain.Tests.Transactions;

public sealed class TransactionSignerTests
{
    [Fact]
    public void Sign_Eip155Example_MatchesSignedTransactionFromEip()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.Eip155Key);

        var signed = TransactionSigner.Sign(LegacyTransactionTests.Eip155Example, key);

        Assert.Equal(TransactionDecoderTests.Eip155SignedRaw, signed.RawHex);
        Assert.Equal(new Hash32(Keccak256.Hash(signed.RawEncoding)), signed.Hash);
        Assert.Equal(key.Address, signed.Sender);
        Assert.Equal(
            BigInteger.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846", System.Globalization.CultureInfo.InvariantCulture),
            signed.Signature.RValue);
        Assert.Equal(
            BigInteger.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531", System.Globalization.CultureInfo.InvariantCulture),
            signed.Signature.SValue);
    }

    [Fact]
    public void Sign_ChainIdZero_Refused()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var ex = Assert.Throws<ArgumentException>(() => TransactionSigner.Sign(LegacyTransactionTests.Eip155Example with { ChainId = 0 }, key));
        Assert.Contains("replay protection", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_FeeRuleBrokenByWith_Refused()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        Assert.Throws<ArgumentException>(() => TransactionSigner.Sign(Eip1559TransactionTests.Sample with { MaxPriorityFeePerGas = BigInteger.Pow(10, 12) }, key));
    }

    [Fact]
    public void Sign_LargeChainId_EncodesVBeyond64Bits()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var transaction = LegacyTransactionTests.Eip155Example with { ChainId = ulong.MaxValue };
        var signed = TransactionSigner.Sign(transaction, key);
        var decoded = TransactionDecoder.Decode(signed.RawEncoding);
        Assert.Equal(ulong.MaxValue, decoded.Transaction.ChainId);
        Assert.Equal(key.Address, decoded.Sender);
    }

    [Fact]
    public void SignThenDecode_SeededRandomLegacy_RoundTrips()
    {
        var random = new Random(1234);
        for (var i = 0; i < 40; i++)
        {
            using var key = RandomKey(random);
            var transaction = new LegacyTransaction(
                Nonce: RandomUInt64(random),
                GasPrice: RandomUInt(random, 32),
                GasLimit: RandomUInt64(random),
                To: random.Next(5) == 0 ? null : RandomAddress(random),
                Value: RandomUInt(random, 32),
                Data: RandomBytes(random, random.Next(0, 300)),
                ChainId: RandomChainId(random));

            AssertRoundTrip(transaction, key, $"legacy iteration {i}");
        }
    }

    [Fact]
    public void SignThenDecode_SeededRandomEip1559_RoundTrips()
    {
        var random = new Random(1234);
        for (var i = 0; i < 40; i++)
        {
            using var key = RandomKey(random);
            var maxFee = RandomUInt(random, 32);
            var accessList = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => new AccessListEntry(RandomAddress(random), Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Hash32(RandomBytes(random, 32))).ToArray()))
                .ToArray();
            var transaction = new Eip1559Transaction(
                ChainId: RandomChainId(random),
                Nonce: RandomUInt64(random),
                MaxPriorityFeePerGas: maxFee.IsZero ? 0 : RandomBelow(random, maxFee),
                MaxFeePerGas: maxFee,
                GasLimit: RandomUInt64(random),
                To: random.Next(5) == 0 ? null : RandomAddress(random),
                Value: RandomUInt(random, 32),
                Data: RandomBytes(random, random.Next(0, 300)),
                AccessList: accessList);

            AssertRoundTrip(transaction, key, $"EIP-1559 iteration {i}");
        }
    }

    private static void AssertRoundTrip(UnsignedTransaction transaction, PrivateKey key, string what)
    {
        var signed = TransactionSigner.Sign(transaction, key);
        var decoded = TransactionDecoder.Decode(signed.RawEncoding);

        Assert.True(transaction.Equals(decoded.Transaction), $"{what}: decoded fields differ");
        Assert.Equal(signed, decoded);
        Assert.Equal(signed.Signature, decoded.Signature);
        Assert.Equal(key.Address, decoded.Sender);
        Assert.Equal(signed.Hash, decoded.Hash);
        Assert.Equal(signed.RawEncoding, decoded.Transaction.EncodeSigned(decoded.Signature));
    }

    private static PrivateKey RandomKey(Random random)
    {
        var bytes = RandomBytes(random, 32);
        bytes[0] &= 0x7f;
        bytes[31] |= 1;
        return new PrivateKey(bytes);
    }

    private static ulong RandomChainId(Random random) => Math.Max(1UL, (ulong)random.NextInt64(1, long.MaxValue) >> random.Next(0, 63));

    private static Address RandomAddress(Random random) => new(RandomBytes(random, 20));

    private static ulong RandomUInt64(Random random) => (ulong)random.NextInt64() >> random.Next(0, 64);

    private static BigInteger RandomUInt(Random random, int maxBytes)
    {
        var bytes = RandomBytes(random, random.Next(0, maxBytes + 1));
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound) => RandomUInt(random, 32) % (bound + 1);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
