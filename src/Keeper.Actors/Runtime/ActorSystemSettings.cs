using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Actors.Runtime;

/// <summary>What an <see cref="ActorSystem"/> runs on. Every property has a production default.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>The clock for timers, ask timeouts, restart windows and backoffs. Tests inject a manual clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the runtime and the actors log.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The scheduler; null for a <see cref="TimeProviderScheduler"/> on <see cref="TimeProvider"/>.</summary>
    public IScheduler? Scheduler { get; init; }

    /// <summary>User messages one actor processes per run before yielding its thread (fairness against throughput). Default 100.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>The default mailbox queue; <see cref="Props.WithMailbox"/> overrides it per actor.</summary>
    public MailboxKind Mailbox { get; init; } = MailboxKind.Linked;

    /// <summary>How the user guardian supervises top-level actors.</summary>
    public SupervisorStrategy GuardianStrategy { get; init; } = SupervisorStrategy.Default;

    /// <summary>How long <see cref="ActorSystem.DisposeAsync"/> waits for the orderly shutdown. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Dead letters logged individually; the rest are only counted. Default 100.</summary>
    public int DeadLetterLogLimit { get; init; } = 100;

    /// <summary>
    /// Counts busy mailboxes so that <see cref="ActorSystem.WhenIdleAsync"/> can tell when every actor is idle. Costs
    /// one atomic operation per mailbox run; the TestKit turns it on. Default false.
    /// </summary>
    public bool TrackIdle { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(LoggerFactory, nameof(LoggerFactory));
        ArgumentNullException.ThrowIfNull(GuardianStrategy, nameof(GuardianStrategy));
        if (Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "Throughput must be at least 1 message per run.");
        }

        if (ShutdownTimeout <= TimeSpan.Zero && ShutdownTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "ShutdownTimeout must be positive (or infinite).");
        }

        if (DeadLetterLogLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DeadLetterLogLimit), DeadLetterLogLimit, "DeadLetterLogLimit must not be negative.");
        }

        if (!Enum.IsDefined(Mailbox))
        {
            throw new ArgumentOutOfRangeException(nameof(Mailbox), Mailbox, "Unknown mailbox kind; use Linked, Channel or Dataflow.");
        }
    }
}
