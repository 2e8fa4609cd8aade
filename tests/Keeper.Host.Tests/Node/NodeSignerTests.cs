using System.Text.Json.Nodes;
using Keeper.Chain.Signing;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Node;

/// <summary>The node's key comes from a keystore V3 file; every way that can go wrong names the file and what to fix.</summary>
public sealed class NodeSignerTests : IDisposable
{
    private const string Key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static readonly KeystoreEncryptOptions Light = new() { ScryptN = 1024, Pbkdf2Iterations = 1 };
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-signer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(KeystoreKdf.Scrypt)]
    [InlineData(KeystoreKdf.Pbkdf2)]
    public void Load_RightPassword_GivesTheKey(KeystoreKdf kdf)
    {
        var (keystore, address) = Keystore("correct horse", kdf);

        using var key = NodeSigner.Load(new SignerSettings(keystore, PasswordFile("correct horse"), "UNUSED"));

        Assert.Equal(address, key.Address.ToString());
    }

    [Fact]
    public void Load_WrongPasswordFromFile_NamesTheKeystoreTheMismatchAndThePasswordFile()
    {
        var (keystore, _) = Keystore("correct horse");
        var passwordFile = PasswordFile("battery staple");

        var ex = Assert.Throws<SettingsException>(() => NodeSigner.Load(new SignerSettings(keystore, passwordFile, "UNUSED")));

        Assert.Equal("keeper.signer.keystore", ex.Key);
        Assert.Contains(keystore, ex.Message, StringComparison.Ordinal);
        Assert.Contains("MAC mismatch: the password is wrong", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{passwordFile} (keeper.signer.password-file)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("battery staple", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongPasswordFromEnvironment_NamesTheVariable()
    {
        var (keystore, _) = Keystore("correct horse");

        var ex = Assert.Throws<SettingsException>(() => NodeSigner.Load(
            new SignerSettings(keystore, string.Empty, "KEEPER_TEST_PASSWORD"), name => name == "KEEPER_TEST_PASSWORD" ? "wrong" : null));

        Assert.Contains("environment variable KEEPER_TEST_PASSWORD (keeper.signer.password-env)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedKeystore_NamesTheFileAndTheField()
    {
        var (keystore, _) = Keystore("pw");
        var root = JsonNode.Parse(File.ReadAllText(keystore))!;
        root["crypto"]!.AsObject().Remove("mac");
        File.WriteAllText(keystore, root.ToJsonString());

        var ex = Assert.Throws<SettingsException>(() => NodeSigner.Load(new SignerSettings(keystore, PasswordFile("pw"), "UNUSED")));

        Assert.Contains($"{keystore}: Keystore field 'crypto.mac' is missing.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_NamesTheFile()
    {
        var keystore = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(keystore, "not a keystore");

        var ex = Assert.Throws<SettingsException>(() => NodeSigner.Load(new SignerSettings(keystore, PasswordFile("pw"), "UNUSED")));

        Assert.Contains($"{keystore}: The keystore is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    private (string Path, string Address) Keystore(string password, KeystoreKdf kdf = KeystoreKdf.Scrypt)
    {
        using var key = PrivateKey.FromHex(Key);
        var path = Path.Combine(_dir, $"keystore-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, KeystoreV3.Encrypt(key, password, kdf, Light));
        return (path, key.Address.ToString());
    }

    private string PasswordFile(string password)
    {
        var path = Path.Combine(_dir, $"password-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, password + "\n");
        return path;
    }
}
