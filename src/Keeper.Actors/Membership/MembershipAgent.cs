using Keeper.Actors.Gate;
using Keeper.Actors.Persistence;
using Akka.Actor;
using Keeper.Actors.Logging;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Membership;

/// <summary>
/// This node's membership, in the manner of Orleans' SQL membership table: it joins (or rejoins after a restart), writes
/// its i-am-alive time every heartbeat on the injected clock, reads the table, and tells the gate who is live (Active and
/// heard from within the suspicion timeout). When the store cannot be reached it tells the gate so (the node then tracks
/// but submits nothing) and rejoins when the store is back. <see cref="LeaveCluster"/> removes the row at once.
/// </summary>
public sealed partial class MembershipAgent : ReceiveActor, IWithTimers
{
    private ILogger? _log;
    private readonly IMembershipStore _store;
    private readonly MemberInfo _self;
    private readonly TimeSpan _heartbeat;
    private readonly TimeSpan _suspicion;
    private readonly IActorRef _gate;
    private MembershipChanged? _last;
    private bool _joined;
    private bool _left;

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<MembershipAgent>(Context);

    /// <summary>Creates the agent; it joins at once and then heartbeats.</summary>
    public MembershipAgent(IMembershipStore store, MemberInfo self, TimeSpan heartbeat, TimeSpan suspicionTimeout, IActorRef gate)
    {
        _store = store;
        _self = self;
        _heartbeat = heartbeat;
        _suspicion = suspicionTimeout;
        _gate = gate;
        ReceiveAsync<Tick>(_ => TickAsync());
        ReceiveAsync<LeaveCluster>(_ => LeaveAsync());
        Receive<GetMembership>(_ => Sender.Tell(_last ?? new MembershipChanged([], false, null), Self));
    }

    /// <summary>Props for the agent.</summary>
    public static Props Props(IMembershipStore store, MemberInfo self, TimeSpan heartbeat, TimeSpan suspicionTimeout, IActorRef gate) =>
        Akka.Actor.Props.Create(() => new MembershipAgent(store, self, heartbeat, suspicionTimeout, gate));

    /// <inheritdoc />
    protected override void PreStart()
    {
        Self.Tell(Tick.Instance, Self);
        Timers.StartPeriodicTimer("heartbeat", Tick.Instance, _heartbeat);
    }

    private async Task TickAsync()
    {
        if (_left)
        {
            return;
        }

        var now = Context.System.Scheduler.Now;
        try
        {
            if (!_joined || await _store.HeartbeatAsync(_self.MemberId, now, CancellationToken.None) is null)
            {
                await JoinAsync(now);
            }

            var snapshot = await _store.ReadAllAsync(CancellationToken.None);
            var live = MembershipView.LiveMembers(snapshot.Members, now, _suspicion);
            Publish(new MembershipChanged(live.Select(m => m.SigningAddress).ToArray(), true, live.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal)));
        }
        catch (Exception ex) when (ex is StoreException or MembershipConflictException)
        {
            // Keep the last view of the members, but submit nothing until the store answers again.
            _joined = ex is not StoreException && _joined;
            Publish((_last ?? new MembershipChanged([_self.SigningAddress], false, null)) with { StoreReachable = false });
            LogUnreachable(Log, ex.Message);
        }
    }

    private async Task JoinAsync(DateTimeOffset now)
    {
        MemberRow row;
        try
        {
            row = await _store.JoinAsync(_self with { Started = now }, CancellationToken.None);
        }
        catch (MembershipConflictException conflict) when (conflict.Current is not null)
        {
            // Our id is already in the table: a restart of this node, or a row a dead run of it left. Take it over.
            row = conflict.Current;
        }

        await _store.UpdateAsync(row with { Status = MemberStatus.Active, IAmAlive = now }, row.Version, CancellationToken.None);
        _joined = true;
        LogJoined(Log, _self.MemberId, _self.SigningAddress.ToString());
    }

    private async Task LeaveAsync()
    {
        _left = true;
        Timers.CancelAll();
        try
        {
            await _store.LeaveAsync(_self.MemberId, CancellationToken.None);
        }
        catch (StoreException ex)
        {
            LogUnreachable(Log, ex.Message);
        }

        Sender.Tell(LeftCluster.Instance, Self);
    }

    private void Publish(MembershipChanged changed)
    {
        if (_last is null || _last.StoreReachable != changed.StoreReachable || !_last.Members.SequenceEqual(changed.Members)
            || !(_last.LiveMemberIds ?? new HashSet<string>()).SetEquals(changed.LiveMemberIds ?? new HashSet<string>()))
        {
            LogMembers(Log, changed.Members.Count, changed.StoreReachable);
            _gate.Tell(changed, Self);
        }

        _last = changed;
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Joined the cluster as {Member} ({Address})")]
    private static partial void LogJoined(ILogger logger, string member, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster view: {Count} live member(s), store reachable: {Reachable}")]
    private static partial void LogMembers(ILogger logger, int count, bool reachable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared store is unreachable; tracking continues, nothing is submitted: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
