using Keeper.Chain.Signing;
using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Host.Tests.Cli;

public sealed class ConfigCommandTests : IDisposable
{
    private const string RpcSecret = "s3cr3t-pass";
    private const string ApiKey = "0123456789abcdef-api-key";
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Check_ValidFile_PrintsEffectiveValuesWithSecretsMasked()
    {
        var config = Config($$"""
            chain.rpc = ["https://keeper:{{RpcSecret}}@rpc.example.org:8545/v3/{{ApiKey}}?token={{ApiKey}}", "http://127.0.0.1:8545"]
            store { kind = postgres, connection-string = "Host=db;Username=keeper;Password={{RpcSecret}};Database=keeper" }
            """);

        var (exitCode, output, error) = await CliRunner.RunAsync("config", "check", config);

        Assert.Equal(string.Empty, error);
        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.Split('\n');
        Assert.Contains("keeper.chain.rpc[0] = \"https://****@rpc.example.org:8545/****?****\"", lines);
        Assert.Contains("keeper.chain.rpc[1] = \"http://127.0.0.1:8545\"", lines);
        Assert.Contains("keeper.store.connection-string = \"Host=db;Username=keeper;Password=****;Database=keeper\"", lines);
        Assert.Contains("keeper.rocketpool.storage = \"0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46\"", lines);
        Assert.Contains("keeper.gate.window = \"36s\"", lines);
        Assert.Contains("keeper.chain.confirmations = 2", lines);
        Assert.Contains("keeper.http.host = \"127.0.0.1\"", lines);
        Assert.Contains("keeper.beacon.endpoints = []", lines);
        Assert.DoesNotContain(RpcSecret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rocketpool.storage = \"0x1234\"", "Setting 'keeper.rocketpool.storage': '0x1234' is not an address")]
    [InlineData("cluster.failure-detector { heartbeat-interval = 5s, acceptable-heartbeat-pause = 2s }", "Setting 'keeper.cluster.failure-detector.acceptable-heartbeat-pause': ")]
    [InlineData("chain.rpc = []", "Setting 'keeper.chain.rpc': is empty; give at least one endpoint")]
    [InlineData("cluster { tls { enabled = on, certificate = \"node.pfx\" }, seed-nodes = [\"akka.tcp://keeper@127.0.0.1:4053\"] }",
        "Setting 'keeper.cluster.seed-nodes[0]': 'akka.tcp://keeper@127.0.0.1:4053' is a plain TCP address but keeper.cluster.tls.enabled is on: TLS members are reached at akka.ssl.tcp://. Write it as 'akka.ssl.tcp://keeper@127.0.0.1:4053'")]
    [InlineData("cluster.seed-nodes = [\"akka.tcp://keeper@127.0.0.1:4053\", \"akka.ssl.tcp://keeper@127.0.0.1:4054\"]",
        "Setting 'keeper.cluster.seed-nodes[1]': 'akka.ssl.tcp://keeper@127.0.0.1:4054' is a TLS address but keeper.cluster.tls.enabled is off: plain members are reached at akka.tcp://. Write it as 'akka.tcp://keeper@127.0.0.1:4054'")]
    [InlineData("cluster.seed-nodes = [\"akka.tcp://other@127.0.0.1:4053\"]", "Setting 'keeper.cluster.seed-nodes[0]': 'akka.tcp://other@127.0.0.1:4053' names the actor system 'other'; keeper members are 'keeper'")]
    [InlineData("cluster.seed-nodes = [\"127.0.0.1:4053\"]", "Setting 'keeper.cluster.seed-nodes[0]': '127.0.0.1:4053' is not a member address; write it as akka.tcp://keeper@HOST:PORT.")]
    [InlineData("cluster.tls.enabled = on", "Setting 'keeper.cluster.tls.certificate': is empty but keeper.cluster.tls.enabled is on")]
    [InlineData("chain.confirmations = 0", "Setting 'keeper.chain.confirmations': 0 is out of range; use 1 to 64.")]
    [InlineData("http.host = \"my-host\"", "Setting 'keeper.http.host': 'my-host' is not an IP address; use 127.0.0.1")]
    [InlineData("store.kind = mysql", "Setting 'keeper.store.kind': 'mysql' is not a store kind; use sqlite or postgres.")]
    [InlineData("fees { max-fee-per-gwei = 5 }", "Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set at ")]
    public async Task Check_InvalidValue_ExitsBadInputNamingTheKeyAndTheFix(string line, string expected)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("config", "check", Config(line));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("keeper config check: " + expected, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Check_ThreeBadKeys_ExitsBadInputListingEveryOne()
    {
        var config = Config("chain.confirmations = 0\nstore.kind = mysql\nhttp.host = \"my-host\"");

        var (exitCode, output, error) = await CliRunner.RunAsync("config", "check", config);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var lines = error.Split('\n');
        Assert.Equal("keeper config check: 3 settings are wrong:", lines[0]);
        Assert.StartsWith("  Setting 'keeper.chain.confirmations': 0 is out of range; use 1 to 64.", lines[1], StringComparison.Ordinal);
        Assert.Equal("  Setting 'keeper.store.kind': 'mysql' is not a store kind; use sqlite or postgres.", lines[2]);
        Assert.StartsWith("  Setting 'keeper.http.host': 'my-host' is not an IP address; use 127.0.0.1", lines[3], StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Check_UnknownKey_ExitsBadInputNamingWhereAndTheNearestKey()
    {
        var config = Config("fees { max-fee-per-gwei = 5 }");

        var (exitCode, output, error) = await CliRunner.RunAsync("config", "check", config);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(
            $"keeper config check: Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set at {config}:4:29); " +
            "did you mean keeper.fees.max-fee-per-gas-gwei? hocon/reference.conf lists every key.\n",
            error);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Check_EnvironmentOverrides_PrintsEffectiveValuesWithSecretsMasked()
    {
        var environment = new Dictionary<string, string>
        {
            ["KEEPER_keeper__http__port"] = "9999",
            ["KEEPER_keeper__chain__rpc__0"] = $"https://keeper:{RpcSecret}@rpc.example.org/v3/{ApiKey}",
            ["KEEPER_keeper__store__kind"] = "postgres",
            ["KEEPER_keeper__store__connection-string"] = $"Host=db;Password={RpcSecret}",
            ["KEEPER_akka__loglevel"] = "DEBUG",
        };

        var (exitCode, output, error) = await CliRunner.RunAsync(environment, "config", "check", Config(string.Empty));

        Assert.Equal(string.Empty, error);
        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.Split('\n');
        Assert.Contains("keeper.http.port = 9999", lines);
        Assert.Contains("keeper.chain.rpc[0] = \"https://****@rpc.example.org:443/****\"", lines);
        Assert.Contains("keeper.store.kind = \"postgres\"", lines);
        Assert.Contains("keeper.store.connection-string = \"Host=db;Password=****\"", lines);
        Assert.Contains("akka.loglevel = \"DEBUG\"", lines);
        Assert.DoesNotContain(RpcSecret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownOverride_ExitsBadInputNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__http__prot"] = "9999" };

        var (exitCode, output, error) = await CliRunner.RunAsync(environment, "config", "check", Config(string.Empty));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith(
            "keeper config check: Setting 'keeper.http.prot': is not a known key (set by the environment variable KEEPER_keeper__http__prot); " +
            "did you mean keeper.http.port (KEEPER_keeper__http__port)?",
            error,
            StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Check_CredentialedRpcUrlThatIsInvalid_ErrorDoesNotShowTheSecret()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("config", "check", Config($"chain.rpc = [\"ftp://keeper:{RpcSecret}@rpc.example.org/\"]"));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("keeper config check: Setting 'keeper.chain.rpc[0]': is not an http or https URL.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(RpcSecret, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SyntaxError_NamesFileLineAndColumn()
    {
        var path = Path.Combine(_dir, "broken.conf");
        File.WriteAllText(path, "keeper {\n  chain.rpc = [\"http://127.0.0.1:8545\"\n}\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("config", "check", path);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"{path}:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongKeystorePassword_ExitsBadInputNamingTheKeystoreKey()
    {
        var config = Config(string.Empty, password: "wrong");

        var (exitCode, _, error) = await CliRunner.RunAsync("config", "check", config);
        var skipped = await CliRunner.RunAsync("config", "check", "--no-signer", config);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("keeper config check: Setting 'keeper.signer.keystore': ", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, skipped.ExitCode);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsBadInput()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("config", "check", Path.Combine(_dir, "none.conf"));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("none.conf does not exist", error, StringComparison.Ordinal);
    }

    // A complete mainnet-like file with a real (throwaway) keystore, plus the given lines inside keeper { }.
    private string Config(string extra, string password = "pw")
    {
        var keystore = Path.Combine(_dir, "keystore.json");
        var passwordFile = Path.Combine(_dir, "password");
        using (var key = PrivateKey.FromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"))
        {
            File.WriteAllText(keystore, KeystoreV3.Encrypt(key, "pw", KeystoreKdf.Scrypt, new KeystoreEncryptOptions { ScryptN = 1024 }));
        }

        File.WriteAllText(passwordFile, password);
        var path = Path.Combine(_dir, $"node-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $$"""
            keeper {
              rocketpool.storage = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46"
              signer { keystore = "{{keystore}}", password-file = "{{passwordFile}}" }
              {{extra}}
            }
            """);
        return path;
    }
}
