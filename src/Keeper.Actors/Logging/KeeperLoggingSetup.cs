using Akka.Actor.Setup;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Logging;

/// <summary>
/// Hands the host's <see cref="ILoggerFactory"/> to the actor system, so Keeper's actors log through the same
/// source-generated <c>[LoggerMessage]</c> methods, categories and sinks as the rest of the node. Without it (a bare
/// test system) actors log nowhere.
/// </summary>
public sealed class KeeperLoggingSetup : Setup
{
    /// <summary>Creates the setup.</summary>
    public KeeperLoggingSetup(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        LoggerFactory = loggerFactory;
    }

    /// <summary>The factory actor loggers are created from.</summary>
    public ILoggerFactory LoggerFactory { get; }
}
