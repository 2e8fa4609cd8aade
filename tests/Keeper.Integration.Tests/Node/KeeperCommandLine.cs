using System.Diagnostics;
using Keeper.Host.Devnet;

namespace Keeper.Integration.Tests.Node;

/// <summary>Runs the keeper program as its own process to the end, as an operator's shell would.</summary>
public static class KeeperCommandLine
{
    /// <summary>Runs <c>keeper <paramref name="args"/></c> with <paramref name="environment"/> added to this process's; kills it (and its children) after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var info = NodeProcess.KeeperCommand(args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"keeper {string.Join(' ', args)} did not exit within {timeout}:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
