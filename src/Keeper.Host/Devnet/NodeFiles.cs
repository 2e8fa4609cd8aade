using System.Globalization;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;

namespace Keeper.Host.Devnet;

/// <summary>
/// Writes a devnet node's keystore, password file and configuration (over hocon/devnet.conf). The keystore and the password
/// file are readable by their owner only (0600), as an operator's own secrets should be.
/// </summary>
public static class NodeFiles
{
    private const string Password = "keeper-devnet";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes the files of node <paramref name="id"/> into <paramref name="directory"/> and returns the config path.</summary>
    /// <param name="directory">The work folder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="key">Its signing key.</param>
    /// <param name="rpc">The chain's JSON-RPC URL.</param>
    /// <param name="harness">The deployed harness.</param>
    /// <param name="storeBlock">The HOCON <c>store { ... }</c> block.</param>
    /// <param name="blockSeconds">The chain's block interval.</param>
    /// <param name="gateEnabled">Whether the gate is on.</param>
    /// <param name="extra">More HOCON inside <c>keeper { }</c>, overriding the rest.</param>
    public static string Write(string directory, string id, PrivateKey key, Uri rpc, RocketPoolHarness harness, string storeBlock, int blockSeconds, bool gateEnabled, string extra = "") =>
        Write(directory, id, key, rpc, harness.Deployment.Storage, harness.Multicall3, storeBlock, blockSeconds, gateEnabled, extra);

    /// <summary>Writes the files of node <paramref name="id"/> for a chain whose contracts are at the given addresses.</summary>
    /// <param name="directory">The work folder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="key">Its signing key.</param>
    /// <param name="rpc">The chain's JSON-RPC URL.</param>
    /// <param name="rocketStorage">The RocketStorage address.</param>
    /// <param name="multicall3">The Multicall3-compatible batch reader.</param>
    /// <param name="storeBlock">The HOCON <c>store { ... }</c> block.</param>
    /// <param name="blockSeconds">The chain's block interval.</param>
    /// <param name="gateEnabled">Whether the gate is on.</param>
    /// <param name="extra">More HOCON inside <c>keeper { }</c>, overriding the rest.</param>
    public static string Write(string directory, string id, PrivateKey key, Uri rpc, Address rocketStorage, Address multicall3, string storeBlock, int blockSeconds, bool gateEnabled, string extra = "")
    {
        var keystore = Path.Combine(directory, $"{id}.keystore.json");
        var passwordFile = Path.Combine(directory, $"{id}.password");
        WriteSecret(keystore, KeystoreV3.Encrypt(key, Password, KeystoreKdf.Scrypt, new KeystoreEncryptOptions { ScryptN = 4096 }));
        WriteSecret(passwordFile, Password);
        var devnetConf = Path.Combine(DevChainPaths.Root, "hocon", "devnet.conf");
        var config = Path.Combine(directory, $"{id}.conf");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            include "{{devnetConf}}"
            keeper {
              node.id = "{{id}}"
              chain {
                rpc = ["{{rpc}}"]
                slot = {{blockSeconds}}s
                multicall3 = "{{multicall3.ToLowerHex()}}"
              }
              rocketpool.storage = "{{rocketStorage.ToLowerHex()}}"
              signer { keystore = "{{keystore}}", password-file = "{{passwordFile}}" }
              {{storeBlock}}
              gate.enabled = {{(gateEnabled ? "on" : "off")}}
              gate.window = {{blockSeconds * 3}}s
              {{extra}}
            }
            """));
        return config;
    }

    // Created 0600; a file left from an earlier write (a test restarting a node) is narrowed to 0600 before the secret goes
    // in, so no moment exists in which others could read it.
    private static void WriteSecret(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var file = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.SafeFileHandle, OwnerOnly);
        }

        using var writer = new StreamWriter(file);
        writer.Write(text);
    }

    /// <summary>
    /// The cluster block of a member listening on 127.0.0.1:<paramref name="port"/> that joins through
    /// <paramref name="seeds"/> (plain TCP addresses, e.g. from <see cref="SeedAddress"/>); more HOCON inside
    /// <c>cluster { }</c> may follow in <paramref name="extra"/>.
    /// </summary>
    public static string Cluster(int port, IEnumerable<string> seeds, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $"cluster {{ port = {port}, seed-nodes = [{string.Join(", ", seeds.Select(s => $"\"{s}\""))}]\n{extra}\n}}");

    /// <summary>The address of the member listening on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string SeedAddress(int port, bool tls = false) => Node.ClusterSeedNodes.Address(tls, "127.0.0.1", port);

    /// <summary>The beacon block pointing a node at the devnet's beacon node.</summary>
    public static string Beacon(Uri url) => $"beacon.endpoints = [\"{url}\"]";

    /// <summary>The store block of a SQLite file.</summary>
    public static string Sqlite(string path) => $"store {{ kind = sqlite, path = \"{path}\" }}";

    /// <summary>The store block of a PostgreSQL database.</summary>
    public static string Postgres(string connectionString) => $"store {{ kind = postgres, connection-string = \"{connectionString}\" }}";
}
