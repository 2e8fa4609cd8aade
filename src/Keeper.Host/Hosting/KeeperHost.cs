using Keeper.Chain.Signing;
using Keeper.Host.Cli;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>
/// The host of one keeper node: one <see cref="WebApplication"/> whose container holds the chain clients
/// (<see cref="KeeperChainExtensions.AddKeeperChain"/>), the actor system and the node's actors
/// (<see cref="KeeperActorsExtensions.AddKeeperActors"/>, Akka.Hosting) and the HTTP surface
/// (<see cref="KeeperHttpExtensions.AddKeeperHttp"/>, Kestrel). Starting it starts the actor system, then Kestrel
/// (the web host's service starts last); stopping it stops Kestrel, then the status file writer, then runs the actor
/// system's coordinated shutdown (the node leaves the cluster first).
/// </summary>
public static class KeeperHost
{
    /// <summary>How long stopping the host may take (Kestrel, the status file, the actor system's coordinated shutdown).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Builds the host; nothing is contacted yet. Call <see cref="PrepareAsync"/>, then start it.</summary>
    /// <param name="settings">The node's settings.</param>
    /// <param name="key">The signing key; the host owns it from here on.</param>
    /// <param name="options">The status file and fault point.</param>
    /// <exception cref="SettingsException">keeper.http.host is not an IP address or localhost.</exception>
    public static WebApplication Build(KeeperSettings settings, PrivateKey key, KeeperHostOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Not the working directory: an appsettings.json lying there must not reconfigure the node.
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(KeeperHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        Logging.Configure(builder.Logging);
        // Keeper logs its own start; the console lifetime still turns SIGINT and SIGTERM into a stop.
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services
            .AddKeeperChain(settings)
            .AddKeeperActors(settings, key, options.FaultPoint)
            .AddKeeperHttp(settings.Http)
            .AddSingleton<INodeView, KeeperNodeView>();
        if (options.StatusFile is { } statusFile)
        {
            // After AddKeeperActors: hosted services stop in reverse order, so the last status is written before the actors stop.
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<StatusFileWriter>(sp, statusFile));
        }

        var app = builder.Build();
        app.MapKeeperHttp();
        return app;
    }

    /// <summary>
    /// Runs what must hold before the actor system starts (<see cref="NodeStartup"/>): the chain and store checks that fail
    /// fast, naming the problem.
    /// </summary>
    public static Task PrepareAsync(this IHost host, CancellationToken cancellationToken) =>
        host.Services.GetRequiredService<NodeStartup>().PrepareAsync(cancellationToken);
}
