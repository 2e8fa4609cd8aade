using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Keeper.Host.Devnet;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>
/// A running tests/Keeper.StoreProbe: a separate OS process claiming tasks in a SQLite claim database. Its stdout lines
/// ("ready", "ack N", "lost N", "done C L") arrive on <see cref="Lines"/>.
/// </summary>
internal sealed class StoreProbeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringWriter _stderr = new();

    private StoreProbeProcess(Process process)
    {
        _process = process;
    }

    public ChannelReader<string> Lines => _lines.Reader;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the probe and waits until its database is open (it printed "ready").</summary>
    public static async Task<StoreProbeProcess> StartAsync(string storePath, string memberId, long count, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ProbeAssembly(), storePath, memberId, count.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var probe = new StoreProbeProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                probe._lines.Writer.TryComplete();
            }
            else
            {
                probe._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (probe._stderr)
            {
                probe._stderr.WriteLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var first = await probe.ReadLineAsync(timeout);
        if (first != "ready")
        {
            await probe.DisposeAsync();
            throw new InvalidOperationException($"The store probe printed '{first}' instead of 'ready'. stderr: {probe.StandardError}");
        }

        return probe;
    }

    /// <summary>Lets the probe start claiming.</summary>
    public async Task GoAsync()
    {
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The next stdout line, or null when the probe closed stdout.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.WaitToReadAsync(cts.Token) ? await _lines.Reader.ReadAsync(cts.Token) : null;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"The store probe printed nothing within {timeout}. stderr: {StandardError}");
        }
    }

    /// <summary>Kills the probe the way kill -9 does (SIGKILL: no handlers, no flushing) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static string ProbeAssembly()
    {
        // The test project builds the probe (a ProjectReference without its assembly); it sits in the probe's own
        // output folder, under the same configuration and framework as this test assembly.
        var testProject = Path.Combine(DevChainPaths.Root, "tests", "Keeper.Actors.Tests");
        var outputRelative = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        var probe = Path.Combine(DevChainPaths.Root, "tests", "Keeper.StoreProbe", outputRelative, "Keeper.StoreProbe.dll");
        return File.Exists(probe)
            ? probe
            : throw new FileNotFoundException($"The store probe is not built at {probe}; build tests/Keeper.Actors.Tests (it builds tests/Keeper.StoreProbe).", probe);
    }
}
