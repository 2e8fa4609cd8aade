using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Keeper.Host.Devnet;

/// <summary>
/// A real anvil process on 127.0.0.1 and a free port, started from the version pinned in tools/devchain.
/// Disposing kills it (and it is killed when the test process exits, whatever happened to the test).
/// </summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    private const string AnvilPathVariable = "KEEPER_ANVIL_PATH";
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly EventHandler _onProcessExit;
    private int _disposed;

    private AnvilNode(Process process, StringBuilder output, Uri rpcUrl, IReadOnlyList<string> privateKeys, AnvilOptions options)
    {
        _process = process;
        _output = output;
        RpcUrl = rpcUrl;
        PrivateKeys = privateKeys;
        Options = options;
        _onProcessExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri RpcUrl { get; }

    /// <summary>The OS process id of anvil.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The funded dev accounts' private keys as anvil printed them (0x-prefixed hex).</summary>
    public IReadOnlyList<string> PrivateKeys { get; }

    /// <summary>The options the node was started with.</summary>
    public AnvilOptions Options { get; }

    /// <summary>What anvil printed so far, for diagnostics in failed tests.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The pinned anvil binary: <c>KEEPER_ANVIL_PATH</c> if set, else tools/devchain/node_modules.</summary>
    public static string BinaryPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(AnvilPathVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            return Path.Combine(DevChainPaths.DevChain, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        }
    }

    /// <summary>Starts anvil and waits until it listens.</summary>
    public static async Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var binary = BinaryPath;
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException(
                $"anvil is not installed at {binary}. Build the solution once (dotnet build Keeper.sln runs 'npm ci' in tools/devchain), " +
                $"or run 'npm ci' in {DevChainPaths.DevChain}, or set {AnvilPathVariable}.");
        }

        // A port taken between probing and anvil binding it makes anvil exit at once; try a few ports (a fixed one once).
        Exception? last = null;
        for (var attempt = 0; attempt < (options.Port is null ? 5 : 1); attempt++)
        {
            try
            {
                return await StartOnceAsync(binary, options.Port ?? FreePort(), options, cancellationToken);
            }
            catch (AnvilStartException ex) when (ex.ExitedEarly)
            {
                last = ex;
            }
        }

        throw new InvalidOperationException(options.Port is { } port ? $"anvil did not start on port {port}." : "anvil did not start after 5 attempts.", last);
    }

    private static async Task<AnvilNode> StartOnceAsync(string binary, int port, AnvilOptions options, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in BuildArguments(port, options))
        {
            info.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.StartsWith("Listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => listening.TrySetException(new AnvilStartException($"anvil exited with code {SafeExitCode(process)} before listening.", exitedEarly: true));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await listening.Task.WaitAsync(options.StartupTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or AnvilStartException or OperationCanceledException)
        {
            KillProcess(process);
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            if (ex is AnvilStartException start)
            {
                throw new AnvilStartException($"{start.Message} Output:\n{text}", start.ExitedEarly);
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new AnvilStartException($"anvil did not listen within {options.StartupTimeout}. Output:\n{text}", exitedEarly: false);
        }

        string printed;
        lock (output)
        {
            printed = output.ToString();
        }

        var keys = PrivateKeyLine().Matches(printed).Select(m => m.Groups[1].Value).ToArray();
        return new AnvilNode(process, output, new Uri($"http://127.0.0.1:{port}/"), keys, options);
    }

    private static List<string> BuildArguments(int port, AnvilOptions options)
    {
        var args = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", options.ChainId.ToString(CultureInfo.InvariantCulture),
            "--accounts", options.Accounts.ToString(CultureInfo.InvariantCulture),
        };
        if (options.BlockTimeSeconds is { } blockTime)
        {
            args.Add("--block-time");
            args.Add(blockTime.ToString(CultureInfo.InvariantCulture));
        }

        if (options.GenesisTimestamp is { } timestamp)
        {
            args.Add("--timestamp");
            args.Add(timestamp.ToString(CultureInfo.InvariantCulture));
        }

        args.AddRange(options.ExtraArguments);
        return args;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static void KillProcess(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Kill() => KillProcess(_process);

    /// <summary>Kills anvil and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The kill was sent; a zombie here does not block the test run.
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^\(\d+\) (0x[0-9a-fA-F]{64})\s*$", RegexOptions.Multiline)]
    private static partial Regex PrivateKeyLine();

    private sealed class AnvilStartException(string message, bool exitedEarly) : Exception(message)
    {
        public bool ExitedEarly { get; } = exitedEarly;
    }
}
