using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Chain.Beacon;
using Keeper.Chain.Proving;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Reads, once per check (an epoch), the beacon records of every megapool validator that can have a proof duty, and
/// tells its parent, the registry, of each record that changed; for a validator reported exiting whose withdrawable
/// epoch has passed it also looks for the final withdrawal (at most once per epoch) until it is found. Beacon facts
/// never come per block: the duties they open are epochs long.
/// </summary>
public sealed partial class BeaconWatcher : ReceiveActor, IWithTimers
{
    private ILogger? _log;
    private readonly IBeaconClient _beacon;
    private readonly BeaconTime _time;
    private readonly TimeSpan _interval;
    private readonly IProofCallBuilder? _proofs;
    private readonly Dictionary<Address, IReadOnlyList<BeaconCandidate>> _candidates = [];
    private readonly Dictionary<(Address, uint), BeaconValidator?> _told = [];
    private readonly Dictionary<(Address, uint), ulong> _lookedUpInEpoch = [];
    private string? _lastFailure;
    private ulong? _chainEpoch;

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<BeaconWatcher>(Context);

    /// <summary>Creates the watcher (a child of the registry).</summary>
    /// <param name="beacon">The beacon node (with its failover).</param>
    /// <param name="source">The beacon chain's timing and how often to check (an epoch is the natural choice).</param>
    /// <param name="proofs">Finds final withdrawals; null: none are looked for.</param>
    public BeaconWatcher(IBeaconClient beacon, BeaconSource source, IProofCallBuilder? proofs)
    {
        _beacon = beacon;
        _time = source.Time;
        _interval = source.CheckInterval;
        _proofs = proofs;
        Receive<BeaconCandidatesChanged>(OnCandidates);
        Receive<BeaconCheckDue>(OnChainTime);
        ReceiveAsync<Check>(_ => CheckAsync());
    }

    /// <summary>Props for the watcher.</summary>
    public static Props Props(IBeaconClient beacon, BeaconSource source, IProofCallBuilder? proofs) =>
        Akka.Actor.Props.Create(() => new BeaconWatcher(beacon, source, proofs));

    // The first check comes this long after the first candidates, not an interval later: a node that starts (or restarts)
    // learns the beacon facts at once, so a duty that is already due (a non-compliant validator, an exit already late)
    // goes out in its first blocks. The delay lets the cold start's candidates of every megapool arrive first.
    private static readonly TimeSpan FirstCheckDelay = TimeSpan.FromSeconds(1);

    // Beacon facts change by epoch of chain time, which need not follow the wall clock (a devnet moves it by days): the
    // first head of each new epoch after the first seen asks for a check at once; the timer is the floor when heads stall or a check failed.
    private void OnChainTime(BeaconCheckDue m)
    {
        if (m.Timestamp < _time.GenesisTime)
        {
            return;
        }

        // The first head only sets the epoch: the first check, soon after the first candidates, covers the start.
        var epoch = (m.Timestamp - _time.GenesisTime) / _time.SecondsPerEpoch;
        if (_chainEpoch is { } known && epoch > known)
        {
            Self.Tell(Check.Instance);
        }

        if (_chainEpoch is null || epoch > _chainEpoch)
        {
            _chainEpoch = epoch;
        }
    }

    private void OnCandidates(BeaconCandidatesChanged m)
    {
        if (m.Candidates.Count > 0 && !Timers.IsTimerActive("check"))
        {
            Timers.StartPeriodicTimer("check", Check.Instance, FirstCheckDelay, _interval);
        }

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
        var owners = new Dictionary<ValidatorPubkey, (Address Megapool, BeaconCandidate Candidate)>();
        foreach (var (megapool, candidates) in _candidates)
        {
            foreach (var candidate in candidates)
            {
                owners[new ValidatorPubkey(candidate.Pubkey)] = (megapool, candidate);
            }
        }

        if (owners.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<ValidatorPubkey, BeaconValidator> found;
        ulong headSlot;
        try
        {
            // The head's slot says which withdrawable epochs have passed; read before the records, so it never runs ahead of them.
            headSlot = (await _beacon.GetHeaderAsync("head", CancellationToken.None)).Slot;
            found = await _beacon.GetValidatorsAsync(owners.Keys, "head", CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Whatever the failure, the watcher must keep its candidates: they are only told again when they change.
            LogOnce($"beacon:{ex.Message}", () => LogBeaconFailed(Log, ex.Message));
            return;
        }

        _lastFailure = null;
        var epoch = headSlot / _time.SlotsPerEpoch;
        var lookups = new List<(Address Megapool, uint ValidatorId, ulong Index, ulong FromSlot)>();
        foreach (var (pubkey, (megapool, candidate)) in owners)
        {
            var key = (megapool, candidate.ValidatorId);
            var validator = found.GetValueOrDefault(pubkey);
            if (Changed(_told.TryGetValue(key, out var previous) ? previous : null, validator, _told.ContainsKey(key)))
            {
                _told[key] = validator;
                Context.Parent.Tell(new RouteBeaconFacts(megapool, candidate.ValidatorId, validator, headSlot), Self);
            }

            if (_proofs is not null && candidate.AwaitsFinalWithdrawal && validator is { WithdrawableEpoch: { } withdrawable }
                && withdrawable <= epoch && (!_lookedUpInEpoch.TryGetValue(key, out var last) || last < epoch))
            {
                _lookedUpInEpoch[key] = epoch;
                lookups.Add((megapool, candidate.ValidatorId, validator.Index, withdrawable * _time.SlotsPerEpoch));
            }
        }

        foreach (var (megapool, id, index, fromSlot) in lookups)
        {
            await FindWithdrawalAsync(megapool, id, index, fromSlot);
        }

        Forget(owners.Values.Select(o => (o.Megapool, o.Candidate.ValidatorId)).ToHashSet());
    }

    private async Task FindWithdrawalAsync(Address megapool, uint validatorId, ulong index, ulong fromSlot)
    {
        try
        {
            if (await _proofs!.FindFinalWithdrawalAsync(index, fromSlot, CancellationToken.None) is { } withdrawal)
            {
                Context.Parent.Tell(new RouteFinalWithdrawal(megapool, validatorId, withdrawal), Self);
            }
        }
        catch (Exception ex)
        {
            LogOnce($"withdrawal:{ex.Message}", () => LogWithdrawalLookupFailed(Log, megapool.ToLowerHex(), validatorId, ex.Message));
        }
    }

    // The balance moves every epoch and decides no duty: a record counts as changed only when anything else does.
    private static bool Changed(BeaconValidator? previous, BeaconValidator? current, bool toldBefore) =>
        !toldBefore ? current is not null : (previous is null || current is null ? previous != current : previous != current with { Balance = previous.Balance });

    // Validators no longer candidates (exited, forgotten) are dropped, so the watcher's memory follows the candidates.
    private void Forget(HashSet<(Address, uint)> live)
    {
        foreach (var key in _told.Keys.Where(k => !live.Contains(k)).ToList())
        {
            _told.Remove(key);
            _lookedUpInEpoch.Remove(key);
        }
    }

    private void LogOnce(string cause, Action log)
    {
        if (cause != _lastFailure)
        {
            _lastFailure = cause;
            log();
        }
    }

    private sealed record Check
    {
        public static Check Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading beacon records failed; retrying at the next check (repeats of this cause are not logged): {Reason}")]
    private static partial void LogBeaconFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for the final withdrawal of {Megapool} validator {ValidatorId} failed; retrying next epoch (repeats of this cause are not logged): {Reason}")]
    private static partial void LogWithdrawalLookupFailed(ILogger logger, string megapool, uint validatorId, string reason);
}
