using System.Diagnostics;
using System.Text.RegularExpressions;
using Keeper.Host.Cli;
using Keeper.Host.Node;

namespace Keeper.Host.Devnet;

/// <summary>
/// A keeper node running as its own OS process (<c>keeper run</c>), with its output in a log file. It is killed when this
/// process exits without disposing it (an interrupted devnet or test run), so no node outlives the program that started it.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<Uri> _dashboard = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventHandler _onProcessExit;
    private int _disposed;
    private bool _logClosed;

    private NodeProcess(string id, string address, Process process, string logPath, string statusPath)
    {
        Id = id;
        Address = address;
        _process = process;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        StatusPath = statusPath;
        LogPath = logPath;
        _onProcessExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>The node's id.</summary>
    public string Id { get; }

    /// <summary>Its signing address.</summary>
    public string Address { get; }

    /// <summary>Where it writes its status.</summary>
    public string StatusPath { get; }

    /// <summary>Its log file (standard output and error).</summary>
    public string LogPath { get; }

    /// <summary>The OS process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Completes with the node's dashboard (and status API) address once its HTTP server listens, read from the line the
    /// node logs then; it never completes if the node exits first.
    /// </summary>
    public Task<Uri> Dashboard => _dashboard.Task;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code, once it has exited.</summary>
    /// <exception cref="InvalidOperationException">It still runs.</exception>
    public int ExitCode => _process.ExitCode;

    /// <summary>Its last written status, if any.</summary>
    public NodeStatus? Status => StatusFile.TryRead(StatusPath);

    /// <summary>Starts <c>keeper run --config <paramref name="config"/></c> in a new process.</summary>
    public static NodeProcess Start(string id, string address, string config, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var statusPath = Path.Combine(directory, $"{id}.status.json");
        var info = KeeperCommand("run", "--config", config, "--status-file", statusPath);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        process.Start();
        var node = new NodeProcess(id, address, process, Path.Combine(directory, $"{id}.log"), statusPath);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The command line that runs this keeper program with the given arguments (apphost or <c>dotnet keeper.dll</c>).</summary>
    public static ProcessStartInfo KeeperCommand(params string[] args)
    {
        // This program's own apphost when it is the one running; otherwise (dotnet keeper.dll, a test host, a benchmark)
        // the dotnet host with keeper.dll.
        var self = Environment.ProcessPath;
        var apphost = self is not null && Path.GetFileNameWithoutExtension(self) == "keeper";
        var dotnet = self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var info = new ProcessStartInfo(apphost ? self! : dotnet) { UseShellExecute = false };
        if (!apphost)
        {
            // Not the apphost, so not a single-file bundle either (whose apphost is the only way to run it): keeper.dll is a file.
#pragma warning disable IL3000
            info.ArgumentList.Add(typeof(NodeProcess).Assembly.Location);
#pragma warning restore IL3000
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>Asks the node to stop (SIGTERM) and waits for it; kills it if it does not stop in time.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        await SignalAsync("-TERM");
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>
    /// Freezes the process (SIGSTOP) until <see cref="ContinueAsync"/>: it reads nothing and sends nothing meanwhile, so
    /// a test can rewrite the chain and have the node see the result as one change, as a node reports a reorg.
    /// </summary>
    public Task SuspendAsync() => SignalAsync("-STOP");

    /// <summary>Lets a process frozen by <see cref="SuspendAsync"/> run again (SIGCONT).</summary>
    public Task ContinueAsync() => SignalAsync("-CONT");

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits until the process exits.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(20));
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        _process.Dispose();
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        await kill!.WaitForExitAsync();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        // The line Keeper.Host.Http logs once Kestrel listens: "Status API, metrics and dashboard at http://...".
        if (!_dashboard.Task.IsCompleted && DashboardLine().Match(line) is { Success: true } match)
        {
            _dashboard.TrySetResult(new Uri(match.Groups[1].Value));
        }

        lock (_log)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    [GeneratedRegex(@"dashboard at (https?://\S+)")]
    private static partial Regex DashboardLine();
}
