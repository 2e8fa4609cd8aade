using Keeper.Chain.Signing;
using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Host.Tests.Cli;

public sealed class AccountsCommandTests : IDisposable
{
    // Hardhat/anvil dev account 0: a public test key.
    private const string TestKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string TestAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-accounts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task NewImportList_RoundTrip_KeystoresDecryptWithTheirPasswords()
    {
        var passwordFile = Write("password.txt", "correct horse\n");
        var keyFile = Write("key.hex", "0x" + TestKey + "\n");
        var envName = "KEEPER_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(envName, "from-env");
        var keystores = Directory.CreateDirectory(Path.Combine(_dir, "keystores")).FullName;
        var created = Path.Combine(keystores, "a.json");
        var imported = Path.Combine(keystores, "b.json");

        var made = await CliRunner.RunAsync("accounts", "new", "--keystore", created, "--password-file", passwordFile, "--light-kdf");
        var import = await CliRunner.RunAsync("accounts", "import", "--private-key-file", keyFile, "--keystore", imported, "--password-env", envName, "--light-kdf");
        File.WriteAllText(Path.Combine(keystores, "notes.txt"), "not a keystore");
        var list = await CliRunner.RunAsync("accounts", "list", "--dir", keystores);

        Assert.Equal((ExitCodes.Ok, string.Empty), (made.ExitCode, made.Error));
        Assert.Equal((ExitCodes.Ok, string.Empty), (import.ExitCode, import.Error));
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        using var createdKey = KeystoreV3.Decrypt(File.ReadAllText(created), "correct horse");
        using var importedKey = KeystoreV3.Decrypt(File.ReadAllText(imported), "from-env");
        Assert.Equal(TestAddress, importedKey.Address.ToString());
        Assert.StartsWith(createdKey.Address.ToString(), made.Output, StringComparison.Ordinal);
        Assert.Equal(
            [$"{createdKey.Address}  {created}", $"{TestAddress}  {imported}", $"2 keystore file(s) in {keystores}"],
            list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(TestKey, made.Output + import.Output + list.Output, StringComparison.OrdinalIgnoreCase);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created));
        }
    }

    [Fact]
    public async Task New_ExistingKeystore_RefusesAndKeepsIt()
    {
        var passwordFile = Write("password.txt", "pw");
        var existing = Write("a.json", "{}");

        var (exitCode, _, error) = await CliRunner.RunAsync("accounts", "new", "--keystore", existing, "--password-file", passwordFile, "--light-kdf");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(existing));
    }

    [Theory]
    [InlineData(false, false, "exactly one of --password-file FILE or --password-env NAME")]
    [InlineData(true, true, "exactly one of --password-file FILE or --password-env NAME")]
    public async Task New_NotExactlyOnePasswordSource_ExitsBadInput(bool file, bool env, string expected)
    {
        List<string> args = ["accounts", "new", "--keystore", Path.Combine(_dir, "k.json"), "--light-kdf"];
        if (file)
        {
            args.AddRange(["--password-file", Write("pw", "x")]);
        }

        if (env)
        {
            args.AddRange(["--password-env", "PATH"]);
        }

        var (exitCode, _, error) = await CliRunner.RunAsync([.. args]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "k.json")));
    }

    [Fact]
    public async Task New_UnsetPasswordVariable_NamesIt()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("accounts", "new", "--keystore", Path.Combine(_dir, "k.json"), "--password-env", "KEEPER_TEST_UNSET_VARIABLE");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("keeper accounts new: --password-env: the environment variable KEEPER_TEST_UNSET_VARIABLE is not set.\n", error);
    }

    [Fact]
    public async Task Import_MalformedKey_ExitsBadInputWithoutEchoingTheFile()
    {
        var almostKey = TestKey[..^1] + "g";
        var keyFile = Write("key.hex", almostKey);

        var (exitCode, output, error) = await CliRunner.RunAsync("accounts", "import", "--private-key-file", keyFile, "--keystore", Path.Combine(_dir, "k.json"), "--password-file", Write("pw", "x"));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("does not hold a private key", error, StringComparison.Ordinal);
        Assert.DoesNotContain(almostKey[..16], output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Import_PrivateKeyAsArgument_IsNotAnOption()
    {
        var (exitCode, _, _) = await CliRunner.RunAsync("accounts", "import", "--private-key", TestKey, "--keystore", Path.Combine(_dir, "k.json"), "--password-file", Write("pw", "x"));

        Assert.NotEqual(ExitCodes.Ok, exitCode);
        Assert.False(File.Exists(Path.Combine(_dir, "k.json")));
    }

    [Fact]
    public async Task List_MissingFolder_ExitsBadInput()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("accounts", "list", "--dir", Path.Combine(_dir, "nope"));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
