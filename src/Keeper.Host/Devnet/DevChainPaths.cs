namespace Keeper.Host.Devnet;

/// <summary>Locates the repository and its pinned dev chain tools from the running program's directory.</summary>
public static class DevChainPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder that holds Keeper.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>tools/devchain, where package.json pins anvil and solc.</summary>
    public static string DevChain => Path.Combine(Root, "tools", "devchain");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Keeper.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find Keeper.sln above {AppContext.BaseDirectory}; run Keeper from a checkout of the repository (the dev chain tools live in tools/devchain).");
    }
}
