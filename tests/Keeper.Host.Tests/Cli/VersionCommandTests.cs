using System.Diagnostics;
using Xunit;

namespace Keeper.Host.Tests.Cli;

public sealed class VersionCommandTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunKeeperAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "keeper.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Version_PrintsVersionAndExitsZero()
    {
        var (exitCode, stdout, _) = await RunKeeperAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithMessageOnStderr()
    {
        var (exitCode, _, stderr) = await RunKeeperAsync("frobnicate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("frobnicate", stderr, StringComparison.Ordinal);
    }
}
