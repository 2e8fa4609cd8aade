using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Signing;

public sealed class PrivateKeyTests
{
    // Source: anvil / Hardhat default dev account 0 (well-known test mnemonic).
    internal const string AnvilKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    // Source: EIP-155, "Example" (the signing key).
    internal const string Eip155Key = "0x4646464646464646464646464646464646464646464646464646464646464646";

    private const string Recipient = "0x3535353535353535353535353535353535353535";

    // secp256k1 group order n, from SEC 2 section 2.4.1.
    internal const string GroupOrderHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    [Theory]
    [InlineData(AnvilKey0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")] // anvil's documented account 0
    [InlineData(Eip155Key, "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")] // sender of the EIP-155 example
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")] // key 1: G itself
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", "0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b")] // Web3 Secret Storage test vector
    public void Address_KnownKey_MatchesKnownAddress(string key, string address)
    {
        using var privateKey = PrivateKey.FromHex(key);
        Assert.Equal(Address.Parse(address), privateKey.Address);
        Assert.Equal(address, privateKey.Address.ToString());
    }

    [Fact]
    public void PublicKey_KeyOne_IsGeneratorPoint()
    {
        // SEC 2 section 2.4.1: the uncompressed base point G.
        using var key = PrivateKey.FromHex("0x0000000000000000000000000000000000000000000000000000000000000001");
        Assert.Equal(
            "0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            Hex.Encode(key.PublicKey));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x" + GroupOrderHex)]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Constructor_OutOfRangeKey_ThrowsArgumentException(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PrivateKey(Hex.Decode(key)));
        Assert.Contains("[1, n-1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LargestValidKey_Accepted()
    {
        var nMinusOne = Hex.Decode("0x" + GroupOrderHex);
        nMinusOne[^1]--;
        using var key = new PrivateKey(nMinusOne);
        Assert.Equal(64, key.PublicKey.Length);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not hex at all")]
    public void FromHex_Malformed_ThrowsFormatExceptionWithoutEchoingInput(string text)
    {
        var ex = Assert.Throws<FormatException>(() => PrivateKey.FromHex(text));
        Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongLength_Throws() => Assert.Throws<ArgumentException>(() => new PrivateKey(new byte[31]));

    [Fact]
    public void ToString_NeverShowsKeyMaterial()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var text = key.ToString();
        Assert.Equal("PrivateKey(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)", text);
        Assert.DoesNotContain("ac0974bec39a17e36ba4", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ac0974bec39a17e36ba4", $"{key}", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ExportBytes_ReturnsCopyOfKey()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var exported = key.ExportBytes();
        Assert.Equal(AnvilKey0, Hex.Encode(exported));
        exported[0] ^= 0xff;
        Assert.Equal(AnvilKey0, Hex.Encode(key.ExportBytes()));
    }

    [Fact]
    public void Dispose_ThenSignOrExport_ThrowsObjectDisposed()
    {
        var key = PrivateKey.FromHex(AnvilKey0);
        var address = key.Address;
        key.Dispose();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.ExportBytes());
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Transfer(nonce: 0)));
        Assert.Equal(address, key.Address);
    }

    [Fact]
    public void Generate_GivesDistinctUsableKeys()
    {
        using var a = PrivateKey.Generate();
        using var b = PrivateKey.Generate();
        Assert.NotEqual(a.Address, b.Address);
        var signed = a.Sign(Transfer(nonce: 0));
        Assert.Equal(a.Address, Address.Parse(TransactionFactory.CreateTransaction(signed.Bytes).GetSenderAddress()));
    }

    [Fact]
    public void Sign_SameInput_IsDeterministic()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        Assert.Equal(key.Sign(Transfer(nonce: 3)), key.Sign(Transfer(nonce: 3)));
    }

    [Fact]
    public void Sign_HashIsKeccakOfTheBytes()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var signed = key.Sign(Transfer(nonce: 1));
        Assert.Equal(signed.Hash.ToString(), "0x" + TransactionUtils.CalculateTransactionHash(Hex.Encode(signed.Bytes)));
        Assert.Equal(0x02, signed.Bytes[0]);
    }

    [Theory]
    [InlineData("0x00")]
    [InlineData("0x0000")]
    [InlineData("0x01")]
    public void Sign_KeyWithLeadingZeroBytes_SameSignatureAsNethereumsClassicPathAndSenderRecovers(string prefix)
    {
        // Nethereum's recoverable path fails on such keys (one in 256); PrivateKey signs them with the full scalar.
        var keyBytes = Hex.Decode(prefix + AnvilKey0[prefix.Length..]);
        using var key = new PrivateKey(keyBytes);
        var transaction = Transfer(nonce: 9);

        var signed = key.Sign(transaction);

        var decoded = (Transaction1559)TransactionFactory.CreateTransaction(signed.Bytes);
        var classic = new EthECKey(keyBytes, true).Sign(decoded.RawHash);
        Assert.Equal(classic.R, decoded.Signature.R);
        Assert.Equal(classic.S, decoded.Signature.S);
        Assert.Equal(key.Address, Address.Parse(decoded.GetSenderAddress()));
    }

    [Fact]
    public void Sign_ChainIdZero_Refused()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var ex = Assert.Throws<ArgumentException>(() => key.Sign(new Transaction1559(0, 0, 1, 2, 21_000, Recipient, 0, "0x", [])));
        Assert.Contains("replay protection", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_PriorityFeeAboveMaxFee_RefusedWithClearMessage()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var ex = Assert.Throws<ArgumentException>(() => key.Sign(new Transaction1559(1, 0, 3, 2, 21_000, Recipient, 0, "0x", [])));
        Assert.Contains("MaxPriorityFeePerGas (3 wei) exceeds MaxFeePerGas (2 wei)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, -10)]
    public void Sign_NegativeFee_Refused(long priority, long max)
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        Assert.Throws<ArgumentOutOfRangeException>(() => key.Sign(new Transaction1559(1, 0, priority, max, 21_000, Recipient, 0, "0x", [])));
    }

    [Fact]
    public void Sign_UnsetField_RefusedNamingIt()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var ex = Assert.Throws<ArgumentException>(() => key.Sign(new Transaction1559(1, null, 1, 2, 21_000, Recipient, 0, "0x", [])));
        Assert.Contains("Nonce is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_SeededRandomKeysAndTransactions_LowSAndSenderRecovers()
    {
        var random = new Random(1234);
        var halfN = System.Numerics.BigInteger.Parse("0" + GroupOrderHex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) / 2;
        var parities = new HashSet<int>();
        for (var i = 0; i < 64; i++)
        {
            var keyBytes = new byte[32];
            random.NextBytes(keyBytes);
            keyBytes[0] &= 0x7f; // stay below n
            using var key = new PrivateKey(keyBytes);
            var data = new byte[random.Next(0, 200)];
            random.NextBytes(data);
            var transaction = new Transaction1559(1 + random.Next(), random.Next(), 1, 2 + random.Next(), 21_000 + random.Next(), Recipient, random.Next(), Hex.Encode(data), []);

            var signed = key.Sign(transaction);

            var decoded = (Transaction1559)TransactionFactory.CreateTransaction(signed.Bytes);
            var s = new System.Numerics.BigInteger(decoded.Signature.S, isUnsigned: true, isBigEndian: true);
            Assert.True(s <= halfN, $"iteration {i}: s is high");
            Assert.Equal(key.Address, Address.Parse(decoded.GetSenderAddress()));
            Assert.Equal(transaction.Nonce, decoded.Nonce);
            Assert.Equal(Hex.Encode(data), decoded.Data ?? "0x");
            parities.Add(decoded.Signature.V.Length == 0 ? 0 : decoded.Signature.V[0]);
        }

        Assert.Equal(new HashSet<int> { 0, 1 }, parities);
    }

    private static Transaction1559 Transfer(int nonce) =>
        new(31337, nonce, 1_000_000_000, 3_000_000_000, 21_000, Recipient, 1, "0x", []);
}
