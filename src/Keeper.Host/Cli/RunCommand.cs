using System.CommandLine;
using System.Diagnostics;
using Akka.Actor;
using Keeper.Actors.Cluster;
using Keeper.Host.Configuration;
using Keeper.Host.Hosting;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Cli;

/// <summary><c>keeper run --config FILE</c>: runs one keeper node (<see cref="KeeperHost"/>) until SIGINT or SIGTERM.</summary>
public static partial class RunCommand
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

    // Settings and key first (bad input: exit 2, nothing built); then the checks before the actor system (waiting for the
    // execution client to answer, then chain and store);
    // then the host starts the actor system and Kestrel. SIGINT and SIGTERM cancel cancellationToken (System.CommandLine)
    // and reach the host's console lifetime: either stops the host.
    private static async Task<int> RunAsync(FileInfo config, FileInfo? statusFile, IReadOnlyDictionary<string, string>? environment, TextWriter error, CancellationToken cancellationToken)
    {
        KeeperSettings settings;
        Chain.Signing.PrivateKey key;
        try
        {
            settings = KeeperSettingsLoader.Load(config.FullName, environment);
            key = NodeSigner.Load(settings.Signer);
        }
        catch (Exception ex) when (ex is SettingsException or HoconException or FileNotFoundException)
        {
            await error.WriteLineAsync($"keeper run: {ex.Message}");
            return ExitCodes.BadInput;
        }

        Microsoft.AspNetCore.Builder.WebApplication built;
        try
        {
            // Building loads the cluster certificate (keeper.cluster.tls): a wrong file or password is bad input too.
            built = KeeperHost.Build(settings, key, new KeeperHostOptions(statusFile?.FullName, FaultPoint()));
        }
        catch (SettingsException ex)
        {
            key.Dispose();
            await error.WriteLineAsync($"keeper run: {ex.Message}");
            return ExitCodes.BadInput;
        }

        await using var app = built;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("keeper");
        try
        {
            // Until the host takes the address over, /ready answers "not ready" with the reason (an execution client
            // that does not answer yet is waited for).
            var startup = app.Services.GetRequiredService<NodeStartup>();
            var waiting = await StartupEndpoints.StartAsync(settings.Http, () => startup.NotReadyReason ?? "starting", log, cancellationToken);
            try
            {
                await startup.PrepareAsync(cancellationToken);
            }
            finally
            {
                if (waiting is not null)
                {
                    // Stopped, not only disposed: the address must be free for the host.
                    await waiting.StopAsync(CancellationToken.None);
                    await waiting.DisposeAsync();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (Exception ex)
        {
            LogCouldNotStart(log, ex.Message);
            return ExitCodes.Failed;
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting: what did start stops in order.
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }
        catch (Exception ex)
        {
            if (ex is IOException)
            {
                LogHttpCouldNotStart(log, settings.Http.Host, settings.Http.Port, ex.Message);
            }
            else
            {
                LogCouldNotStart(log, ex.Message);
            }

            // What did start stops in order: the node leaves the cluster before its actors stop.
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Failed;
        }

        await app.WaitForShutdownAsync(cancellationToken);
        if (CoordinatedShutdown.Get(app.Services.GetRequiredService<ActorSystem>()).ShutdownReason is SignerTakenReason)
        {
            // The node stopped itself and said why (an older member signs with its key).
            return ExitCodes.SignerTaken;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            // Nobody asked the host to stop: the actor system terminated on its own (Akka.Hosting then stops the host) or a
            // hosted service failed.
            LogStoppedOnItsOwn(log);
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
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
