using Keeper.Actors.Tracking;

namespace Keeper.Actors.Scheduling;

/// <summary>
/// The deadline scheduler's state, on chain time only: duties by key, and which are due. <see cref="AdvanceTo"/> with
/// the next block's timestamp publishes every duty valid in that block exactly once; rescheduling or cancelling a
/// published duty retracts it. No clock, no I/O: the actor around it feeds heads in.
/// </summary>
public sealed class DeadlineBook
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<(ulong DueAt, string Key)> _waiting = [];

    /// <summary>The next block's timestamp, as of the last head; null before the first head.</summary>
    public ulong? ChainTime { get; private set; }

    /// <summary>How many duties are held.</summary>
    public int Count => _entries.Count;

    /// <summary>The earliest due time of a duty not yet due, if any.</summary>
    public ulong? NextDueAt => _waiting.Count > 0 ? _waiting.Min.DueAt : null;

    /// <summary>Every duty held.</summary>
    public IEnumerable<Duty> All() => _entries.Values.Select(e => e.Duty);

    /// <summary>The duty held under a key, if any.</summary>
    public Duty? Get(string key) => _entries.TryGetValue(key, out var entry) ? entry.Duty : null;

    /// <summary>Whether the duty under <paramref name="key"/> has been published as due.</summary>
    public bool IsPublished(string key) => _entries.TryGetValue(key, out var entry) && entry.Published;

    /// <summary>Adds or updates a duty. Returns what subscribers must hear: due now, or retracted.</summary>
    public IReadOnlyList<DutyNotice> Schedule(Duty duty)
    {
        if (_entries.TryGetValue(duty.Key, out var existing))
        {
            if (existing.Duty == duty)
            {
                return [];
            }

            _waiting.Remove((existing.Duty.DueAt, duty.Key));
            _entries.Remove(duty.Key);
            if (existing.Published && !IsDue(duty))
            {
                Add(duty);
                return [new DutyCancelled(duty.Key, $"rescheduled to {duty.DueAt}, after chain time {ChainTime}")];
            }
        }

        return Add(duty);
    }

    /// <summary>Removes a duty; if it was published as due, subscribers hear it is cancelled.</summary>
    public IReadOnlyList<DutyNotice> Cancel(string key, string reason)
    {
        if (!_entries.Remove(key, out var entry))
        {
            return [];
        }

        _waiting.Remove((entry.Duty.DueAt, key));
        return entry.Published ? [new DutyCancelled(key, reason)] : [];
    }

    /// <summary>
    /// Moves chain time to <paramref name="nextBlockTime"/> (the next block's timestamp) and publishes the duties now
    /// due. If chain time went back (a reorg to a shorter or earlier branch), duties no longer due are retracted.
    /// </summary>
    public IReadOnlyList<DutyNotice> AdvanceTo(ulong nextBlockTime)
    {
        var notices = new List<DutyNotice>();
        if (ChainTime is { } previous && nextBlockTime < previous)
        {
            foreach (var entry in _entries.Values.Where(e => e.Published && e.Duty.DueAt > nextBlockTime).ToList())
            {
                entry.Published = false;
                _waiting.Add((entry.Duty.DueAt, entry.Duty.Key));
                notices.Add(new DutyCancelled(entry.Duty.Key, $"chain time went back to {nextBlockTime}"));
            }
        }

        ChainTime = nextBlockTime;
        while (_waiting.Count > 0 && _waiting.Min.DueAt <= nextBlockTime)
        {
            var (_, key) = _waiting.Min;
            _waiting.Remove(_waiting.Min);
            var entry = _entries[key];
            entry.Published = true;
            notices.Add(new DutyDue(entry.Duty, nextBlockTime));
        }

        return notices;
    }

    private IReadOnlyList<DutyNotice> Add(Duty duty)
    {
        var entry = new Entry(duty);
        _entries[duty.Key] = entry;
        if (IsDue(duty))
        {
            entry.Published = true;
            return [new DutyDue(duty, ChainTime!.Value)];
        }

        _waiting.Add((duty.DueAt, duty.Key));
        return [];
    }

    private bool IsDue(Duty duty) => ChainTime is { } now && duty.DueAt <= now;

    private sealed class Entry(Duty duty)
    {
        public Duty Duty { get; } = duty;

        public bool Published { get; set; }
    }
}
