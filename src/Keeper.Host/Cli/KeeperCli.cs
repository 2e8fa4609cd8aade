using System.CommandLine;

namespace Keeper.Host.Cli;

/// <summary>The <c>keeper</c> command line.</summary>
public static class KeeperCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Create() => new("Keeper: a keeper network for Ethereum staking protocols (Rocket Pool megapools and minipools).")
    {
        RunCommand.Create(),
        DevnetCommand.Create(),
        StatusCommand.Create(),
        AccountsCommand.Create(),
        ConfigCommand.Create(),
    };
}
