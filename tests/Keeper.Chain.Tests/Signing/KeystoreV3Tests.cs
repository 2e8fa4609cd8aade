using System.Text.Json.Nodes;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Xunit;

namespace Keeper.Chain.Tests.Signing;

public sealed class KeystoreV3Tests
{
    // Source: Web3 Secret Storage Definition (ethereum.org, "Test Vectors"): password, secret and address.
    private const string Password = "testpassword";
    private const string Secret = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private const string SecretAddress = "0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b";

    // Source: Web3 Secret Storage Definition, "PBKDF2-SHA-256" test vector file.
    private const string Pbkdf2Vector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "6087dab2f9fdbbfaddc31a909735c1e6" },
            "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            "kdf": "pbkdf2",
            "kdfparams": {
              "c": 262144,
              "dklen": 32,
              "prf": "hmac-sha256",
              "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"
            },
            "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    // Source: Web3 Secret Storage Definition (ethereum.org), "Scrypt" test vector, as corrected by
    // ethereum/ethereum-org-website PR #10825. That vector was generated with the salt's hex *text* (its 64 ASCII
    // characters) as the scrypt salt: its published derived key 7446f59e... is scrypt("testpassword",
    // ascii("25710c2c...1034"), n=262144, r=8, p=1). A compliant keystore hex-decodes the salt, so the file below is
    // the published one with the salt field written as the hex of those ASCII bytes; iv, ciphertext and mac are as published.
    private const string ScryptVectorSaltText = "25710c2ccd7c610b24d068af83b959b7a0e5f40641f0c82daeb1345766191034";

    private static readonly string ScryptVector = $$"""
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "740770fce12ce862af21264dab25f1da" },
            "ciphertext": "dd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1ea2",
            "kdf": "scrypt",
            "kdfparams": {
              "dklen": 32,
              "n": 262144,
              "p": 1,
              "r": 8,
              "salt": "{{Hex.Encode(System.Text.Encoding.ASCII.GetBytes(ScryptVectorSaltText), prefix: false)}}"
            },
            "mac": "337aeb86505d2d0bb620effe57f18381377d67d76dac1090626aa5cd20886a7c"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    // Source: the original Web3 Secret Storage Definition scrypt vector (ethereum/wiki, before PR #10825), with r = 1
    // and p = 8 (Nethereum's default parameters too): n = 262144 breaks RFC 7914's n < 2^(16r), yet geth and Nethereum
    // derive it, so such files are read.
    private const string SwappedScryptVector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "83dbcc02d8ccb40e466191a123791e0e" },
            "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
            "kdf": "scrypt",
            "kdfparams": { "dklen": 32, "n": 262144, "r": 1, "p": 8, "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19" },
            "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    private static readonly KeystoreEncryptOptions Light = new() { ScryptN = 1024, ScryptR = 8, ScryptP = 1, Pbkdf2Iterations = 1000 };

    [Fact]
    public void Decrypt_SpecPbkdf2Vector_GivesSecret()
    {
        using var key = KeystoreV3.Decrypt(Pbkdf2Vector, Password);
        Assert.Equal(Secret, Hex.Encode(key.ExportBytes()));
        Assert.Equal(Address.Parse(SecretAddress), key.Address);
    }

    [Fact]
    public void Decrypt_SpecScryptVector_GivesSecret()
    {
        // The one test with the full-strength scrypt parameters (n = 262144, 256 MiB).
        using var key = KeystoreV3.Decrypt(ScryptVector, Password);
        Assert.Equal(Secret, Hex.Encode(key.ExportBytes()));
    }

    [Fact]
    public void Decrypt_OriginalScryptVectorWithROneAndPEight_GivesSecret()
    {
        using var key = KeystoreV3.Decrypt(SwappedScryptVector, Password);
        Assert.Equal(Secret, Hex.Encode(key.ExportBytes()));
    }

    [Theory]
    [InlineData(KeystoreKdf.Scrypt)]
    [InlineData(KeystoreKdf.Pbkdf2)]
    public void EncryptThenDecrypt_LightParameters_RoundTrips(KeystoreKdf kdf)
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var json = KeystoreV3.Encrypt(key, "correct horse", kdf, Light);

        using var decrypted = KeystoreV3.Decrypt(json, "correct horse");
        Assert.Equal(key.ExportBytes(), decrypted.ExportBytes());

        var root = JsonNode.Parse(json)!;
        Assert.Equal(3, (int?)root["version"]);
        Assert.True(Guid.TryParse((string?)root["id"], out _));
        Assert.Equal(key.Address.ToLowerHex()[2..], (string?)root["address"]);
        Assert.Equal(kdf == KeystoreKdf.Scrypt ? "scrypt" : "pbkdf2", (string?)root["crypto"]!["kdf"]);
        Assert.Equal(32, Hex.Decode((string)root["crypto"]!["kdfparams"]!["salt"]!).Length);
        Assert.Equal(16, Hex.Decode((string)root["crypto"]!["cipherparams"]!["iv"]!).Length);
        Assert.DoesNotContain(PrivateKeyTests.AnvilKey0[2..], json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Encrypt_Twice_UsesFreshSaltIvAndId()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var a = JsonNode.Parse(KeystoreV3.Encrypt(key, "pw", KeystoreKdf.Pbkdf2, Light))!;
        var b = JsonNode.Parse(KeystoreV3.Encrypt(key, "pw", KeystoreKdf.Pbkdf2, Light))!;
        Assert.NotEqual((string?)a["id"], (string?)b["id"]);
        Assert.NotEqual((string?)a["crypto"]!["kdfparams"]!["salt"], (string?)b["crypto"]!["kdfparams"]!["salt"]);
        Assert.NotEqual((string?)a["crypto"]!["cipherparams"]!["iv"], (string?)b["crypto"]!["cipherparams"]!["iv"]);
    }

    [Fact]
    public void EncryptThenDecrypt_NonAsciiPassword_RoundTrips()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var json = KeystoreV3.Encrypt(key, "pässwörd-密码", KeystoreKdf.Scrypt, Light);
        using var decrypted = KeystoreV3.Decrypt(json, "pässwörd-密码");
        Assert.Equal(key.Address, decrypted.Address);
    }

    [Fact]
    public void Decrypt_WrongPassword_ThrowsMacMismatch()
    {
        var json = LightFile();
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "wrong"));
        Assert.Equal("Keystore MAC mismatch: the password is wrong or the file is corrupted.", ex.Message);
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_ThrowsMacMismatch()
    {
        var root = JsonNode.Parse(LightFile())!;
        var ciphertext = Hex.Decode((string)root["crypto"]!["ciphertext"]!);
        ciphertext[0] ^= 1;
        root["crypto"]!["ciphertext"] = Hex.Encode(ciphertext, prefix: false);
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(root.ToJsonString(), "pw"));
        Assert.Contains("MAC mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_CapitalizedCryptoMember_Accepted()
    {
        var root = JsonNode.Parse(LightFile())!.AsObject();
        var crypto = root["crypto"]!;
        root.Remove("crypto");
        root["Crypto"] = crypto;
        using var key = KeystoreV3.Decrypt(root.ToJsonString(), "pw");
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), key.Address);
    }

    [Fact]
    public void Decrypt_AddressWith0xPrefixOrAbsent_Accepted()
    {
        var root = JsonNode.Parse(LightFile())!.AsObject();
        root["address"] = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
        using (KeystoreV3.Decrypt(root.ToJsonString(), "pw"))
        {
        }

        root.Remove("address");
        using var key = KeystoreV3.Decrypt(root.ToJsonString(), "pw");
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), key.Address);
    }

    [Fact]
    public void Decrypt_AddressMismatch_Throws()
    {
        var root = JsonNode.Parse(LightFile())!;
        root["address"] = "008aeeda4d805471df9b2a5b0f38a0c3bcba786b";
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(root.ToJsonString(), "pw"));
        Assert.Contains("'address'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("crypto")]
    [InlineData("crypto.cipher")]
    [InlineData("crypto.cipherparams")]
    [InlineData("crypto.cipherparams.iv")]
    [InlineData("crypto.ciphertext")]
    [InlineData("crypto.kdf")]
    [InlineData("crypto.kdfparams")]
    [InlineData("crypto.kdfparams.salt")]
    [InlineData("crypto.kdfparams.dklen")]
    [InlineData("crypto.kdfparams.c")]
    [InlineData("crypto.kdfparams.prf")]
    [InlineData("crypto.mac")]
    public void Decrypt_MissingField_ThrowsNamingField(string path)
    {
        var root = JsonNode.Parse(LightFile())!;
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(root, (node, name) => node[name]!);
        parent.AsObject().Remove(segments[^1]);

        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(root.ToJsonString(), "pw"));
        Assert.Equal($"Keystore field '{path}' is missing.", ex.Message);
    }

    [Fact]
    public void Decrypt_ScryptMissingN_ThrowsNamingField()
    {
        var root = JsonNode.Parse(LightFile(KeystoreKdf.Scrypt))!;
        root["crypto"]!["kdfparams"]!.AsObject().Remove("n");
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(root.ToJsonString(), "pw"));
        Assert.Equal("Keystore field 'crypto.kdfparams.n' is missing.", ex.Message);
    }

    [Theory]
    [InlineData("version", "1", "version 1")]
    [InlineData("version", "\"3\"", "'version' must be an integer")]
    [InlineData("crypto.cipher", "\"aes-128-cbc\"", "Unsupported cipher 'aes-128-cbc'")]
    [InlineData("crypto.kdf", "\"argon2id\"", "Unsupported KDF 'argon2id'")]
    [InlineData("crypto.kdfparams.prf", "\"hmac-sha512\"", "Unsupported PRF 'hmac-sha512'")]
    [InlineData("crypto.kdfparams.dklen", "16", "'crypto.kdfparams.dklen' is 16")]
    [InlineData("crypto.kdfparams.c", "0", "'crypto.kdfparams.c' is 0")]
    [InlineData("crypto.kdfparams.salt", "\"\"", "'crypto.kdfparams.salt' is 0 bytes")]
    [InlineData("crypto.kdfparams.salt", "\"xyz\"", "'crypto.kdfparams.salt' must be hex")]
    [InlineData("crypto.cipherparams.iv", "\"00\"", "'crypto.cipherparams.iv' must be 16 bytes")]
    [InlineData("crypto.ciphertext", "\"00\"", "'crypto.ciphertext' must be 32 bytes")]
    [InlineData("crypto.mac", "\"00\"", "'crypto.mac' must be 32 bytes")]
    [InlineData("crypto.cipherparams", "\"iv\"", "'crypto.cipherparams' must be a JSON object")]
    [InlineData("address", "\"1234\"", "'address' must be 20 bytes")]
    public void Decrypt_BadPbkdf2Field_ThrowsNamingProblem(string path, string valueJson, string expectedFragment) =>
        AssertRejected(LightFile(), path, valueJson, expectedFragment);

    [Theory]
    [InlineData("crypto.kdfparams.n", "1000", "scrypt needs a power of two")]
    [InlineData("crypto.kdfparams.n", "0", "scrypt needs a power of two")]
    [InlineData("crypto.kdfparams.n", "8388608", "scrypt needs a power of two")]
    [InlineData("crypto.kdfparams.p", "100", "p between 1 and 16")]
    [InlineData("crypto.kdfparams.r", "0", "r must be at least 1")]
    [InlineData("crypto.kdfparams.r", "16384", "MiB")]
    [InlineData("crypto.kdfparams.n", "1e3", "must be an integer")]
    public void Decrypt_AbsurdScryptParameter_Refused(string path, string valueJson, string expectedFragment) =>
        AssertRejected(LightFile(KeystoreKdf.Scrypt), path, valueJson, expectedFragment);

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Decrypt_NotAJsonObject_Throws(string json) =>
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "pw"));

    [Fact]
    public void Decrypt_DuplicateCryptoMembers_Throws()
    {
        var root = JsonNode.Parse(LightFile())!.AsObject();
        root["Crypto"] = root["crypto"]!.DeepClone();
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(root.ToJsonString(), "pw"));
        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, 8, 1)]
    [InlineData(1024, 8, 0)]
    [InlineData(1024, 0, 1)]
    public void Encrypt_InvalidScryptOptions_ThrowsArgumentException(int n, int r, int p)
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        Assert.Throws<ArgumentException>(() => KeystoreV3.Encrypt(key, "pw", KeystoreKdf.Scrypt, new KeystoreEncryptOptions { ScryptN = n, ScryptR = r, ScryptP = p }));
    }

    [Fact]
    public void Encrypt_InvalidPbkdf2Options_ThrowsArgumentException()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        Assert.Throws<ArgumentException>(() => KeystoreV3.Encrypt(key, "pw", KeystoreKdf.Pbkdf2, new KeystoreEncryptOptions { Pbkdf2Iterations = 0 }));
    }

    private static string LightFile(KeystoreKdf kdf = KeystoreKdf.Pbkdf2)
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        return KeystoreV3.Encrypt(key, "pw", kdf, Light with { Pbkdf2Iterations = 1 });
    }

    private static void AssertRejected(string json, string path, string valueJson, string expectedFragment)
    {
        var root = JsonNode.Parse(json)!;
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(root, (node, name) => node[name]!);
        parent[segments[^1]] = JsonNode.Parse(valueJson);

        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(root.ToJsonString(), "pw"));
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }
}
