using Akka.Actor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Actors.Logging;

/// <summary>The actor system's <see cref="ILoggerFactory"/>, from <see cref="KeeperLoggingSetup"/> (or none).</summary>
public sealed class KeeperLogging : IExtension
{
    private KeeperLogging(ILoggerFactory factory) => Factory = factory;

    /// <summary>The factory actor loggers are created from.</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static KeeperLogging For(ActorSystem system) => system.WithExtension<KeeperLogging, KeeperLoggingProvider>();

    /// <summary>A logger whose category is <typeparamref name="T"/>, for the actor whose context this is.</summary>
    public static ILogger Of<T>(IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return For(context.System).Factory.CreateLogger<T>();
    }

    private sealed class KeeperLoggingProvider : ExtensionIdProvider<KeeperLogging>
    {
        public override KeeperLogging CreateExtension(ExtendedActorSystem system) =>
            system.Settings.Setup.Get<KeeperLoggingSetup>() is { HasValue: true } setup
                ? new(setup.Value.LoggerFactory)
                : new(NullLoggerFactory.Instance);
    }
}
