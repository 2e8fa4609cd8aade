using System.Runtime.Versioning;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.GoGoPool;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Devnet;

/// <summary>The node files keeper devnet (and the integration tests) write load with no key refused.</summary>
public sealed class NodeFilesTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();
    private static readonly Address Storage = Address.Parse("0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46");
    private static readonly Address Multicall = Address.Parse("0xca11bde05977b3631167028862be2a173976ca11");
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-nodefiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_WithTheDevnetGoGoPoolSection_LoadsOnTheSecondChainWithTheNodesOwnSigner()
    {
        using var key = PrivateKey.FromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var gogoStorage = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        var owner = Address.Parse("0xa0ee7a142d267c1f36714e4a8f75612f20a79720");
        var config = NodeFiles.Write(_dir, "node-1", key, new Uri("http://127.0.0.1:8545"), Storage, Multicall,
            NodeFiles.Sqlite(Path.Combine(_dir, "keeper.db")), blockSeconds: 2, gateEnabled: true,
            GoGoPoolDevnet.NodeConfig(new Uri("http://127.0.0.1:9650/"), gogoStorage, owner, blockSeconds: 2));

        var gogopool = KeeperSettingsLoader.Load(config, NoVariables).GoGoPool;

        Assert.True(gogopool.Enabled);
        Assert.Equal(43112UL, gogopool.ChainId);
        Assert.Equal([new Uri("http://127.0.0.1:9650/")], gogopool.Rpc);
        Assert.Equal(gogoStorage, gogopool.Storage);
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6)), (gogopool.Slot, gogopool.GateWindow));
        Assert.Equal([owner], gogopool.Owners);
        Assert.Equal(TimeSpan.FromHours(1), gogopool.WithdrawGrace);
        Assert.False(gogopool.OwnSigner);
    }

    [Fact]
    public void Write_SqliteNodeWithTheIntegrationTestsExtras_LoadsAsWritten()
    {
        using var key = PrivateKey.FromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var config = NodeFiles.Write(_dir, "node-1", key, new Uri("http://127.0.0.1:8545"), Storage, Multicall,
            NodeFiles.Sqlite(Path.Combine(_dir, "keeper.db")), blockSeconds: 2, gateEnabled: true,
            "chain.poll-interval = 100ms\ngate.store-probe-interval = 300ms\nchain { rpc-attempts = 3 }");

        var settings = KeeperSettingsLoader.Load(config, NoVariables);

        Assert.Equal("node-1", settings.NodeId);
        Assert.Equal(Storage, settings.RocketStorage);
        Assert.Equal(Multicall, settings.Chain.Multicall3);
        Assert.Equal(StoreKind.Sqlite, settings.Store.Kind);
        Assert.Equal(TimeSpan.FromSeconds(6), settings.Gate.Window);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.Chain.PollInterval);
        Assert.Equal(3, settings.Chain.RpcAttempts);
        Assert.Equal(0, settings.Http.Port);
    }

    [Fact]
    public void Write_NodeWithTheDevnetBeaconNode_LoadsItsUrlAsTheOnlyBeaconEndpoint()
    {
        using var key = PrivateKey.FromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var config = NodeFiles.Write(_dir, "node-1", key, new Uri("http://127.0.0.1:8545"), Storage, Multicall,
            NodeFiles.Sqlite(Path.Combine(_dir, "keeper.db")), blockSeconds: 2, gateEnabled: true,
            NodeFiles.Cluster(25520, []) + "\n" + NodeFiles.Beacon(new Uri("http://127.0.0.1:40123/")));

        var settings = KeeperSettingsLoader.Load(config, NoVariables);

        Assert.Equal([new Uri("http://127.0.0.1:40123/")], settings.Beacon.Endpoints);
        Assert.Equal(25520, settings.Cluster.Port);
    }

    [Fact]
    public void Write_PostgresNode_LoadsAsWritten()
    {
        using var key = PrivateKey.FromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var config = NodeFiles.Write(_dir, "node-2", key, new Uri("http://127.0.0.1:8545"), Storage, Multicall,
            NodeFiles.Postgres("Host=127.0.0.1;Database=keeper"), blockSeconds: 2, gateEnabled: false);

        var settings = KeeperSettingsLoader.Load(config, NoVariables);

        Assert.Equal(StoreKind.Postgres, settings.Store.Kind);
        Assert.False(settings.Gate.Enabled);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void Write_KeystoreAndPasswordFile_ReadableByTheOwnerOnly_AlsoWhenRewritingWorldReadableFiles()
    {
        const UnixFileMode worldReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        using var key = PrivateKey.FromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var keystore = Path.Combine(_dir, "node-2.keystore.json");
        var password = Path.Combine(_dir, "node-2.password");
        File.WriteAllText(password, "an earlier, longer password");
        File.SetUnixFileMode(password, worldReadable);

        var config = NodeFiles.Write(_dir, "node-1", key, new Uri("http://127.0.0.1:8545"), Storage, Multicall, NodeFiles.Sqlite(Path.Combine(_dir, "keeper.db")), 2, true);
        NodeFiles.Write(_dir, "node-2", key, new Uri("http://127.0.0.1:8545"), Storage, Multicall, NodeFiles.Sqlite(Path.Combine(_dir, "keeper.db")), 2, true);

        foreach (var secret in new[] { "node-1.keystore.json", "node-1.password", "node-2.keystore.json", "node-2.password" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, secret)));
        }

        Assert.Equal(key.Address, KeystoreV3.Decrypt(File.ReadAllText(keystore), File.ReadAllText(password)).Address);
        // The configuration holds no secret (only the files' paths) and stays readable as before.
        Assert.Equal(worldReadable, File.GetUnixFileMode(config) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
