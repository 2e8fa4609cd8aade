using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.GoGoPool;
using Keeper.Actors.Logging;
using Keeper.Actors.Tests.Logging;
using Keeper.Chain.Watching.GoGoPool;
using Keeper.Testing.Tracking;
using Microsoft.Extensions.Logging;
using Xunit;
using static Keeper.Actors.Tests.GoGoPool.GoGoFixtures;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.GoGoPool;

/// <summary>
/// The GoGoPool actors on virtual time: timers fire only when the test advances the TestScheduler, chain time comes only
/// from the heads the test tells the registry, and every log line is captured. Waits are for replies that prove a step
/// happened; <see cref="Guard"/> is a real-time limit that only turns a hang into a failure.
/// </summary>
public abstract class GoGoTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>The C-Chain's block interval in the tests.</summary>
    protected const ulong SlotSeconds = 2;

    /// <summary>The real-time limit of each wait.</summary>
    protected static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly CapturingLoggerFactory _logs;

    /// <summary>Creates the system on virtual time with captured logs.</summary>
    protected GoGoTestKit(Xunit.Abstractions.ITestOutputHelper output)
        : this(new CapturingLoggerFactory(), output)
    {
    }

    private GoGoTestKit(CapturingLoggerFactory logs, Xunit.Abstractions.ITestOutputHelper output)
        : base(ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"\nakka.test.single-expect-default = 20s")),
            new KeeperLoggingSetup(logs)), output: output)
    {
        _logs = logs;
    }

    /// <summary>The system's scheduler: <c>Advance</c> fires the actor timers that fall due.</summary>
    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    /// <summary>The registry, once <see cref="StartRegistry"/> has run.</summary>
    protected IActorRef Registry { get; private set; } = ActorRefs.Nobody;

    /// <summary>The log lines of <typeparamref name="T"/> so far.</summary>
    internal IReadOnlyList<CapturedLog> LogsOf<T>() => [.. _logs.Entries.Where(e => e.Category == typeof(T).FullName)];

    /// <summary>Starts the registry with <paramref name="scheduler"/> in the deadline scheduler's place.</summary>
    protected IActorRef StartRegistry(IActorRef scheduler, GoGoAlertOptions? alerts = null) =>
        Registry = Sys.ActorOf(GoGoPoolRegistry.Props(new GoGoPoolRegistryOptions(scheduler, alerts ?? GoGoAlertOptions.Default)), "gogopool");

    /// <summary>Head <paramref name="number"/> at chain time <paramref name="time"/>.</summary>
    protected static GoGoHeadAdvanced Head(ulong number, ulong time) => new(Block(number, time));

    /// <summary>
    /// The registry's board once it and the trackers of <paramref name="nodeIds"/> have handled everything told before:
    /// the first answer proves the registry passed every event on, the trackers' answers that they reported back, and the
    /// last answer comes after those reports.
    /// </summary>
    protected async Task<GoGoPoolStatus> StatusAsync(params Address[] nodeIds)
    {
        await Registry.Ask<GoGoPoolStatus>(GetGoGoPoolStatus.Instance, Guard);
        foreach (var nodeId in nodeIds)
        {
            await TrackingBarriers.IdleAsync(Sys, Registry.Path / GoGoMinipoolTracker.NameOf(nodeId), Guard);
        }

        return await Registry.Ask<GoGoPoolStatus>(GetGoGoPoolStatus.Instance, Guard);
    }

    /// <summary>The registry's alert lines that contain <paramref name="text"/>.</summary>
    internal IReadOnlyList<CapturedLog> RegistryLines(string text) =>
        [.. LogsOf<GoGoPoolRegistry>().Where(e => e.Message.Contains(text, StringComparison.Ordinal))];

    /// <summary>Asserts exactly one registry line contains <paramref name="text"/>, at <paramref name="level"/>.</summary>
    internal CapturedLog AssertOneLine(string text, LogLevel level)
    {
        var lines = RegistryLines(text);
        Assert.True(lines.Count == 1, $"Expected one log line containing '{text}', got {lines.Count}: {string.Join(" | ", lines.Select(l => l.Message))}");
        Assert.Equal(level, lines[0].Level);
        return lines[0];
    }
}
