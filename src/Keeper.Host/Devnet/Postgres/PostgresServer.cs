using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Keeper.Host.Devnet.Postgres;

/// <summary>
/// A throw-away PostgreSQL server for tests: a fresh cluster in a temporary folder, listening on 127.0.0.1 and a free
/// port only (its unix socket in the same folder), trusting every connection (there is nothing on it worth protecting
/// and nobody off the machine can reach it), and tuned for speed over durability (fsync and full_page_writes off: commits
/// survive the server crashing or an immediate stop, not the machine crashing). Disposing stops it and deletes the folder.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When the tests run as root, the server's processes run as the <c>postgres</c> OS
/// user (through <see cref="ProcessStartInfo.UserName"/>, which .NET implements on Linux with setuid), and the temporary
/// folder is created by that user; otherwise they run as the current user.
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binaries;
    private readonly string? _user;
    private readonly StringBuilder _log = new();
    private readonly EventHandler _onProcessExit;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Process? _process;
    private NpgsqlDataSource? _admin;
    private int _disposed;

    private PostgresServer(string binaries, string? user, string root, int port)
    {
        _binaries = binaries;
        _user = user;
        Root = root;
        Port = port;
        _onProcessExit = (_, _) => KillNow();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>The loopback address the server listens on.</summary>
    public static string Host => "127.0.0.1";

    /// <summary>The TCP port the server listens on (the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>).</summary>
    public int Port { get; }

    /// <summary>The temporary folder holding the cluster (<c>data/</c>) and the unix socket (<c>socket/</c>).</summary>
    public string Root { get; }

    /// <summary>The OS process id of the server (the postmaster, parent of its other processes), or null while it is stopped.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>True while the server runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server and its tools printed, for diagnostics in failed tests.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private string DataFolder => Path.Combine(Root, "data");

    private string SocketFolder => Path.Combine(Root, "socket");

    /// <summary>Creates a cluster in a new temporary folder and starts the server on a free port.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing, or initdb or the server failed; the message holds their output.</exception>
    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Folder;
        var user = Environment.IsPrivilegedProcess ? ServiceUser : null;
        var root = Path.Combine(Path.GetTempPath(), $"keeper-pg-{Guid.NewGuid():N}");

        // A port taken between probing and the server binding it makes the server exit at once; try a few ports.
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var server = new PostgresServer(binaries, user, root, FreePort());
            try
            {
                if (attempt == 0)
                {
                    await server.InitializeClusterAsync(cancellationToken);
                }

                await server.StartAsync(cancellationToken);
                return server;
            }
            catch (PostgresStartException e) when (e.ExitedEarly)
            {
                last = e;
                await server.ForgetAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        DeleteFolder(root);
        throw new InvalidOperationException("The PostgreSQL test server did not start after 5 attempts.", last);
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, with short timeouts.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = database,
            Username = ServiceUser,
            Timeout = 5,
            CommandTimeout = 30,
        }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <param name="name">Lowercase letters, digits and underscores, starting with a letter; at most 63 characters.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _; starting with a letter; at most 63 characters).", nameof(name));
        }

        var admin = _admin ?? throw new InvalidOperationException("The PostgreSQL test server is not running.");
        // FILE_COPY copies the template's files (about 150 ms here) where the default WAL_LOG writes them through the WAL
        // (about 225 ms); its checkpoints cost little without fsync.
        await using var command = admin.CreateCommand($"CREATE DATABASE {name} STRATEGY FILE_COPY");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Creates a database with a fresh unique name (<paramref name="prefix"/> plus a random suffix).</summary>
    public Task<string> CreateUniqueDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)], cancellationToken);

    /// <summary>Starts the server (again) on the same port and data, waiting until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (IsRunning)
            {
                return;
            }

            _process = await LaunchAsync(cancellationToken);
            if (_admin is null)
            {
                _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
            }
            else
            {
                // Pooled connections from before a stop are dead.
                _admin.Clear();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops the server at once, as a crash or a pulled cable would (<c>pg_ctl stop -m immediate</c>): clients' connections
    /// break and new ones are refused until <see cref="StartAsync"/>.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            await StopProcessAsync(cancellationToken);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        await _lifecycle.WaitAsync();
        try
        {
            if (_admin is not null)
            {
                await _admin.DisposeAsync();
            }

            await StopProcessAsync(CancellationToken.None);
            DeleteFolder(Root);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        // Created by the server's user, who must own the data folder; root can still delete it afterwards.
        await RunToolAsync("/bin/mkdir", ["-m", "700", "-p", Root, SocketFolder], cancellationToken);
        await RunToolAsync(
            Path.Combine(_binaries, "initdb"),
            ["-D", DataFolder, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            cancellationToken);
    }

    private async Task<Process> LaunchAsync(CancellationToken cancellationToken)
    {
        var info = StartInfo(Path.Combine(_binaries, "postgres"));
        foreach (var argument in new[]
        {
            "-D", DataFolder,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", SocketFolder,
            "-c", $"listen_addresses={Host}",
            // Speed over durability: without fsync a commit's WAL reaches the OS cache but not the disk, which survives
            // the server crashing or being stopped with -m immediate (the outage tests rely on that) but not the machine
            // crashing, and this server's data is thrown away anyway. synchronous_commit stays on: turning it off would
            // lose the last commits on an immediate stop.
            "-c", "fsync=off",
            "-c", "full_page_writes=off",
            "-c", "max_connections=300",
            "-c", "shared_buffers=32MB",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            Append(e.Data);
            if (e.Data.Contains("database system is ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => ready.TrySetException(new PostgresStartException(
            $"The PostgreSQL test server exited before accepting connections. Log:\n{Log}", exitedEarly: true));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout, cancellationToken);
            return process;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Kill(process);
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new PostgresStartException($"The PostgreSQL test server did not accept connections within {StartTimeout}. Log:\n{Log}", exitedEarly: false);
        }
    }

    private async Task StopProcessAsync(CancellationToken cancellationToken)
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                try
                {
                    await RunToolAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-D", DataFolder, "-m", "immediate", "-w", "-t", "30"], cancellationToken);
                }
                catch (InvalidOperationException e)
                {
                    Append($"pg_ctl stop failed, killing the server: {e.Message}");
                    Kill(process);
                }

                await process.WaitForExitAsync(cancellationToken);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task ForgetAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        Interlocked.Exchange(ref _disposed, 1);
        await StopProcessAsync(CancellationToken.None);
    }
}
