using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Crypto;

public sealed class PrivateKeyTests
{
    // Source: anvil / Hardhat default dev account 0 (well-known test mnemonic).
    internal const string AnvilKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    // Source: EIP-155, "Example" (the signing key).
    internal const string Eip155Key = "0x4646464646464646464646464646464646464646464646464646464646464646";

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
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[32]));
        Assert.Equal(address, key.Address);
    }

    [Fact]
    public void Generate_GivesDistinctUsableKeys()
    {
        using var a = PrivateKey.Generate();
        using var b = PrivateKey.Generate();
        Assert.NotEqual(a.Address, b.Address);
        var hash = Keccak256.Hash("generated");
        Assert.Equal(a.Address, Secp256k1.RecoverAddress(hash, a.Sign(hash)));
    }

    [Fact]
    public void Sign_Eip155SigningHash_MatchesEipSignature()
    {
        // Source: EIP-155 "Example": signing hash and (v, r, s) = (37, 0x28ef..., 0x67cb...); v 37 means recovery id 0.
        using var key = PrivateKey.FromHex(Eip155Key);
        var signature = key.Sign(Hex.Decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
        Assert.Equal("0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", Hex.Encode(signature.R));
        Assert.Equal("0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83", Hex.Encode(signature.S));
        Assert.Equal(0, signature.RecoveryId);
    }

    [Fact]
    public void Sign_SameInput_IsDeterministic()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        var hash = Keccak256.Hash("deterministic");
        Assert.Equal(key.Sign(hash), key.Sign(hash));
    }

    [Fact]
    public void Sign_WrongHashLength_Throws()
    {
        using var key = PrivateKey.FromHex(AnvilKey0);
        Assert.Throws<ArgumentException>(() => key.Sign(new byte[31]));
    }

    [Fact]
    public void Sign_SeededRandomKeysAndMessages_LowSAndRecoverable()
    {
        var random = new Random(1234);
        var halfN = System.Numerics.BigInteger.Parse("0" + GroupOrderHex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) / 2;
        var recoveryIds = new HashSet<byte>();
        for (var i = 0; i < 64; i++)
        {
            var keyBytes = new byte[32];
            random.NextBytes(keyBytes);
            keyBytes[0] &= 0x7f; // stay below n
            using var key = new PrivateKey(keyBytes);
            var message = new byte[random.Next(0, 200)];
            random.NextBytes(message);
            var hash = Keccak256.Hash(message);

            var signature = key.Sign(hash);

            Assert.True(signature.SValue <= halfN, $"iteration {i}: s is high");
            Assert.Equal(key.PublicKey, Secp256k1.RecoverPublicKey(hash, signature));
            Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, signature));
            Assert.True(Secp256k1.Verify(hash, signature, key.PublicKey));
            recoveryIds.Add(signature.RecoveryId);
        }

        Assert.Equal(new HashSet<byte> { 0, 1 }, recoveryIds);
    }
}
