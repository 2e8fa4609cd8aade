using Keeper.Host.Devnet;

namespace Keeper.Host.Tests.Node;

/// <summary>A temporary folder for configuration files, and the shipped hocon/ folder of the checkout.</summary>
internal sealed class SettingsFiles : IDisposable
{
    /// <summary>A RocketStorage address (mainnet's) that every loadable file needs.</summary>
    public const string Storage = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46";

    public static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("keeper-settings-").FullName;

    public static string Shipped(string name) => Path.Combine(DevChainPaths.Root, "hocon", name);

    /// <summary>Writes <paramref name="text"/> to a new file and returns its path.</summary>
    public string Write(string text, string name = "node.conf")
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A loadable node file: the storage address plus <paramref name="keeperLines"/> inside <c>keeper { }</c>.</summary>
    public string Node(string keeperLines) => Write($$"""
        keeper {
          rocketpool.storage = "{{Storage}}"
          {{keeperLines}}
        }
        """);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
