using System.CommandLine;
using Keeper.Host.Cli;

namespace Keeper.Host.Tests.Cli;

/// <summary>Runs the keeper command line in this process with captured output.</summary>
internal static class CliRunner
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    /// <summary>Runs with no environment variables visible to configuration (tests in parallel must not see each other's).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(NoVariables, args);

    /// <summary>Runs with <paramref name="environment"/> as the environment configuration reads.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await KeeperCli.Create(environment).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
