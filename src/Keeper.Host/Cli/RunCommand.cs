using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Keeper.Host.Configuration;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Cli;

/// <summary><c>keeper run --config FILE</c>: runs one keeper node until SIGINT or SIGTERM.</summary>
public static class RunCommand
{
    /// <summary>The environment variable naming a fault point at which the process kills itself (tests only).</summary>
    public const string FaultVariable = "KEEPER_FAULT";

    /// <summary>Builds the command.</summary>
    /// <param name="environment">The environment variables the configuration reads; null: the process environment.</param>
    public static Command Create(IReadOnlyDictionary<string, string>? environment = null)
    {
        var config = new Option<FileInfo>("--config") { Description = "The node's HOCON configuration file (over hocon/reference.conf).", Required = true };
        var statusFile = new Option<FileInfo?>("--status-file") { Description = "Write the node's status as JSON to this file every second and on exit." };
        var command = new Command("run", "Run a keeper node until interrupted (SIGINT or SIGTERM).") { config, statusFile };
        command.SetAction((result, ct) => RunAsync(result.GetValue(config)!, result.GetValue(statusFile), environment, result.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo config, FileInfo? statusFile, IReadOnlyDictionary<string, string>? environment, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggerFactory = Logging.Create();
        var log = loggerFactory.CreateLogger("keeper");
        KeeperSettings settings;
        Chain.Crypto.PrivateKey key;
        try
        {
            settings = KeeperSettingsLoader.Load(config.FullName, environment);
            KeeperHttpServer.ParseHost(settings.Http.Host);
            key = NodeSigner.Load(settings.Signer);
        }
        catch (Exception ex) when (ex is SettingsException or HoconException or FileNotFoundException)
        {
            await error.WriteLineAsync($"keeper run: {ex.Message}");
            return ExitCodes.BadInput;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        KeeperNode node;
        try
        {
            node = await KeeperNode.StartAsync(settings, key, loggerFactory, TimeProvider.System, FaultPoint(), stop.Token);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            log.LogError("Keeper could not start: {Reason}", ex.Message);
            return ExitCodes.Failed;
        }

        await using (node)
        {
            KeeperHttpServer http;
            try
            {
                http = await KeeperHttpServer.StartAsync(settings.Http, new KeeperNodeView(node), loggerFactory, TimeProvider.System, stop.Token);
            }
            catch (Exception ex) when (ex is SettingsException or IOException && !stop.IsCancellationRequested)
            {
                log.LogError("Keeper could not start its HTTP server on {Host}:{Port}: {Reason}", settings.Http.Host, settings.Http.Port, ex.Message);
                return ExitCodes.Failed;
            }

            await using var httpScope = http;
            while (!stop.IsCancellationRequested)
            {
                if (statusFile is not null)
                {
                    await WriteStatusAsync(node, http.Address, statusFile.FullName, log);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }

            if (statusFile is not null)
            {
                await WriteStatusAsync(node, http.Address, statusFile.FullName, log);
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task WriteStatusAsync(KeeperNode node, Uri http, string path, ILogger log)
    {
        try
        {
            await StatusFile.WriteAsync(path, await node.GetStatusAsync(CancellationToken.None), http, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or Akka.Actor.AskTimeoutException)
        {
            log.LogWarning("Could not write the status file {Path}: {Reason}", path, ex.Message);
        }
    }

    // Tests set KEEPER_FAULT to a submitter fault point to kill this process there, as a crash or kill -9 would.
    private static Action<string>? FaultPoint()
    {
        var point = Environment.GetEnvironmentVariable(FaultVariable);
        if (string.IsNullOrEmpty(point))
        {
            return null;
        }

        return name =>
        {
            if (name == point)
            {
                Console.Error.WriteLine($"keeper: fault point {name} reached; killing this process ({FaultVariable}).");
                Process.GetCurrentProcess().Kill();
            }
        };
    }
}
