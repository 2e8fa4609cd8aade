using System.CommandLine;

namespace Keeper.Host.Cli;

/// <summary>The <c>keeper</c> command line.</summary>
public static class KeeperCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    /// <param name="environment">
    /// The environment variables configuration reads (<c>${VAR}</c> substitutions and <c>KEEPER_…__…</c> overrides);
    /// defaults to the process environment when a command runs.
    /// </param>
    public static RootCommand Create(IReadOnlyDictionary<string, string>? environment = null) => new("Keeper: a keeper network for Ethereum staking protocols (Rocket Pool megapools and minipools).")
    {
        RunCommand.Create(environment),
        DevnetCommand.Create(),
        StatusCommand.Create(),
        AccountsCommand.Create(),
        ConfigCommand.Create(environment),
        ReportCommand.Create(environment),
    };
}
