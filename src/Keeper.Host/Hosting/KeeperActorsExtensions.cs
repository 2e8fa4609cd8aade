using Akka.Configuration;
using Akka.Hosting;
using Keeper.Actors.Cluster;
using Keeper.Actors.Logging;
using Keeper.Actors.Persistence;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.GoGoPool;
using Keeper.Host.Node;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>Registers a node's actor system (Akka.Hosting) and its actors.</summary>
public static class KeeperActorsExtensions
{
    /// <summary>The actor system's name.</summary>
    public const string ActorSystemName = "keeper";

    // The host stops the actor system: SIGINT and SIGTERM stop the host, which writes the last status and then runs the
    // coordinated shutdown (Akka.Hosting). Akka's own SIGTERM hook would start the shutdown at once, stopping the actors
    // under the status file writer.
    private static readonly Config HostConfiguration = ConfigurationFactory.ParseString("""
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """);

    /// <summary>
    /// Registers the signing key, <see cref="NodeStartup"/> with its result <see cref="PreparedNode"/>,
    /// <see cref="KeeperNode"/>, and the actor system "keeper" through Akka.Hosting's <c>AddAkka</c>: its configuration,
    /// logging, and the node's actors (<see cref="KeeperNode.StartActors"/>). Needs <see cref="KeeperChainExtensions.AddKeeperChain"/>.
    /// The actors are wired from <see cref="PreparedNode"/>, so <see cref="KeeperHost.PrepareAsync"/> must complete before
    /// the host starts.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="settings">The node's settings.</param>
    /// <param name="key">The signing key; the host owns it from here on and disposes it after the actors have stopped.</param>
    /// <param name="faultPoint">Called at the submitter's fault points (tests kill the process there); null for none.</param>
    /// <exception cref="SettingsException">keeper.cluster.tls is on and its certificate cannot be loaded.</exception>
    public static IServiceCollection AddKeeperActors(this IServiceCollection services, KeeperSettings settings, PrivateKey key, Action<string>? faultPoint)
    {
        services.AddSingleton(_ => key);
        if (settings.GoGoPool.Enabled)
        {
            // Loaded while the host is built, like the node's key, so a wrong keystore or password fails before anything starts.
            var goGoPoolKey = settings.GoGoPool.OwnSigner ? NodeSigner.Load(settings.GoGoPool.Signer, section: "keeper.gogopool.signer") : null;
            services.AddSingleton(sp => new GoGoPoolChain(
                settings, goGoPoolKey ?? key, goGoPoolKey is not null, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetService<IRpcObserver>()));
        }

        services.AddSingleton<NodeStartup>();
        services.AddSingleton(sp => sp.GetRequiredService<NodeStartup>().Prepared);
        services.AddSingleton<NodeStateBoard>();
        services.AddSingleton<KeeperNode>();
        // Loaded while the host is built, so a wrong file or password fails before anything starts.
        var certificate = settings.Cluster.Tls.Enabled ? ClusterCertificate.Load(settings.Cluster.Tls) : null;
        var roles = KeeperRoles.For(key.Address, KeeperNode.MemberIdOf(settings, key.Address));
        // The configuration depends on the settings alone: Akka.Hosting may run this callback as soon as the host is built
        // (its health check registration reads the builder). The actors, started with the host, read PreparedNode.
        services.AddAkka(ActorSystemName, (builder, sp) =>
        {
            // Keeper's layers, highest priority first (each Append goes behind the ones before it): the host's own settings,
            // the cluster (keeper.cluster mapped to Akka's keys), Keeper's serializer bindings, and the journal and snapshot store on the node's store, which falls back to
            // Akka.Persistence.Sql's reference configuration. The operator's akka { } section (hocon/, KEEPER_ environment
            // overrides applied) goes in front of them all.
            builder.AddHocon(HostConfiguration, HoconAddMode.Append)
                .AddHocon(ClusterConfig.For(settings.Cluster, roles), HoconAddMode.Append)
                .AddHocon(KeeperSerializer.Configuration, HoconAddMode.Append)
                .AddHocon(SqlPersistenceConfig.For(settings.Store.Location), HoconAddMode.Append)
                .AddHocon(ConfigurationFactory.ParseString(settings.AkkaHocon), HoconAddMode.Prepend);
            // Akka's own log events and Keeper's actors log through the host's logger factory, like everything else.
            builder.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            builder.AddSetup(new KeeperLoggingSetup(sp.GetRequiredService<ILoggerFactory>()));
            if (certificate is not null)
            {
                builder.AddSetup(ClusterConfig.Tls(certificate, settings.Cluster.Tls));
            }

            builder.WithActors((system, registry, _) => KeeperNode.StartActors(system, registry, sp, faultPoint));
        });
        return services;
    }
}
