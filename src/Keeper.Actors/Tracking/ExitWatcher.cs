using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Chain.Beacon;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Asks the beacon node, on a timer, about every staked megapool validator not yet reported exiting, and tells its
/// parent, the registry, when a validator's withdrawable epoch appears or changes. That opens its exit-report window, which closes
/// at <c>withdrawableEpoch - notifyThreshold</c>.
/// </summary>
public sealed partial class ExitWatcher : ReceiveActor, IWithTimers
{
    private ILogger? _log;
    private readonly IBeaconClient _beacon;
    private readonly TimeSpan _interval;
    private readonly Dictionary<Address, IReadOnlyList<(uint ValidatorId, byte[] Pubkey)>> _candidates = [];
    private readonly Dictionary<(Address, uint), ulong?> _told = [];

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<ExitWatcher>(Context);

    /// <summary>Creates the watcher (a child of the registry); it polls every <paramref name="interval"/> (an epoch is a natural choice).</summary>
    public ExitWatcher(IBeaconClient beacon, TimeSpan interval)
    {
        _beacon = beacon;
        Receive<ExitCandidatesChanged>(OnCandidates);
        ReceiveAsync<Check>(_ => CheckAsync());
        _interval = interval;
    }

    /// <summary>Props for the watcher.</summary>
    public static Props Props(IBeaconClient beacon, TimeSpan interval) =>
        Akka.Actor.Props.Create(() => new ExitWatcher(beacon, interval));

    /// <inheritdoc />
    protected override void PreStart() => Timers.StartPeriodicTimer("check", Check.Instance, _interval);

    private void OnCandidates(ExitCandidatesChanged m)
    {
        if (m.Candidates.Count == 0)
        {
            _candidates.Remove(m.Megapool);
        }
        else
        {
            _candidates[m.Megapool] = m.Candidates;
        }
    }

    private async Task CheckAsync()
    {
        var owners = new Dictionary<ValidatorPubkey, (Address Megapool, uint ValidatorId)>();
        foreach (var (megapool, candidates) in _candidates)
        {
            foreach (var (id, pubkey) in candidates)
            {
                owners[new ValidatorPubkey(pubkey)] = (megapool, id);
            }
        }

        if (owners.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<ValidatorPubkey, BeaconValidator> found;
        try
        {
            found = await _beacon.GetValidatorsAsync(owners.Keys, "head", CancellationToken.None);
        }
        catch (BeaconApiException ex)
        {
            LogBeaconFailed(Log, ex.Message);
            return;
        }

        foreach (var (pubkey, (megapool, id)) in owners)
        {
            var epoch = found.TryGetValue(pubkey, out var validator) ? validator.WithdrawableEpoch : null;
            if (!_told.TryGetValue((megapool, id), out var previous) || previous != epoch)
            {
                _told[(megapool, id)] = epoch;
                Context.Parent.Tell(new RouteBeaconExit(megapool, id, epoch), Self);
            }
        }
    }

    private sealed record Check
    {
        public static Check Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking the beacon node about validator exits failed; retrying at the next check: {Reason}")]
    private static partial void LogBeaconFailed(ILogger logger, string reason);
}
