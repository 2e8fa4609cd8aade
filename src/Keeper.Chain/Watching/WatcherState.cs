using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>
/// The pools a watcher knows, and for recent blocks which pools were discovered or touched there, so a reorg can be
/// undone precisely.
/// </summary>
internal sealed class WatcherState
{
    private readonly SortedDictionary<ulong, List<ValidatorKey>> _validatorsFoundAt = [];
    private readonly SortedDictionary<ulong, List<Address>> _minipoolsFoundAt = [];
    private readonly SortedDictionary<ulong, HashSet<ValidatorKey>> _validatorsTouchedAt = [];
    private readonly SortedDictionary<ulong, HashSet<Address>> _minipoolsTouchedAt = [];

    // One instance of each megapool's address (see Intern).
    private readonly HashSet<Address> _addresses = [];

    public HashSet<ValidatorKey> Validators { get; } = [];

    public Dictionary<Address, int> MegapoolValidatorCounts { get; } = [];

    public IReadOnlyCollection<Address> Megapools => MegapoolValidatorCounts.Keys;

    public HashSet<Address> Minipools { get; } = [];

    public ulong ManagerValidatorCount { get; set; }

    /// <summary>The instance of <paramref name="address"/> already held, so that equal addresses share their bytes.</summary>
    public Address Intern(Address address)
    {
        if (_addresses.TryGetValue(address, out var known))
        {
            return known;
        }

        _addresses.Add(address);
        return address;
    }

    public void Restore(WatcherCheckpoint checkpoint)
    {
        ManagerValidatorCount = checkpoint.ManagerValidatorCount;
        foreach (var key in checkpoint.Validators)
        {
            AddValidator(key with { Megapool = Intern(key.Megapool) }, block: null);
        }

        foreach (var minipool in checkpoint.Minipools)
        {
            Minipools.Add(minipool);
        }
    }

    public void AddValidator(ValidatorKey key, ulong? block)
    {
        if (!Validators.Add(key))
        {
            return;
        }

        MegapoolValidatorCounts[key.Megapool] = MegapoolValidatorCounts.GetValueOrDefault(key.Megapool) + 1;
        if (block is { } number)
        {
            Bucket(_validatorsFoundAt, number).Add(key);
        }
    }

    public bool AddMinipool(Address minipool, ulong block)
    {
        if (!Minipools.Add(minipool))
        {
            return false;
        }

        Bucket(_minipoolsFoundAt, block).Add(minipool);
        return true;
    }

    public void RemoveMinipool(Address minipool) => Minipools.Remove(minipool);

    public void Touch(ValidatorKey key, ulong block) => BucketSet(_validatorsTouchedAt, block).Add(key);

    public void Touch(Address minipool, ulong block) => BucketSet(_minipoolsTouchedAt, block).Add(minipool);

    /// <summary>Forgets what was learned above <paramref name="ancestor"/>: returns the pools found there (now gone) and those touched there (to re-read).</summary>
    public (List<ValidatorKey> ForgottenValidators, List<Address> ForgottenMinipools, HashSet<ValidatorKey> TouchedValidators, HashSet<Address> TouchedMinipools) Undo(ulong ancestor)
    {
        var forgottenValidators = Take(_validatorsFoundAt, ancestor).SelectMany(x => x).ToList();
        foreach (var key in forgottenValidators)
        {
            Validators.Remove(key);
            if (--MegapoolValidatorCounts[key.Megapool] == 0)
            {
                MegapoolValidatorCounts.Remove(key.Megapool);
            }
        }

        var forgottenMinipools = Take(_minipoolsFoundAt, ancestor).SelectMany(x => x).ToList();
        Minipools.ExceptWith(forgottenMinipools);
        var touchedValidators = Take(_validatorsTouchedAt, ancestor).SelectMany(x => x).Where(Validators.Contains).ToHashSet();
        var touchedMinipools = Take(_minipoolsTouchedAt, ancestor).SelectMany(x => x).Where(Minipools.Contains).ToHashSet();
        return (forgottenValidators, forgottenMinipools, touchedValidators, touchedMinipools);
    }

    /// <summary>Drops the per-block records below <paramref name="oldest"/>: reorgs cannot reach them any more.</summary>
    public void Prune(ulong oldest)
    {
        PruneBelow(_validatorsFoundAt, oldest);
        PruneBelow(_minipoolsFoundAt, oldest);
        PruneBelow(_validatorsTouchedAt, oldest);
        PruneBelow(_minipoolsTouchedAt, oldest);
    }

    private static List<T> Bucket<T>(SortedDictionary<ulong, List<T>> buckets, ulong block)
    {
        if (!buckets.TryGetValue(block, out var list))
        {
            buckets[block] = list = [];
        }

        return list;
    }

    private static HashSet<T> BucketSet<T>(SortedDictionary<ulong, HashSet<T>> buckets, ulong block)
    {
        if (!buckets.TryGetValue(block, out var set))
        {
            buckets[block] = set = [];
        }

        return set;
    }

    private static List<TValue> Take<TValue>(SortedDictionary<ulong, TValue> buckets, ulong above)
    {
        var keys = buckets.Keys.Where(k => k > above).ToList();
        var taken = keys.Select(k => buckets[k]).ToList();
        foreach (var key in keys)
        {
            buckets.Remove(key);
        }

        return taken;
    }

    private static void PruneBelow<TValue>(SortedDictionary<ulong, TValue> buckets, ulong oldest)
    {
        foreach (var key in buckets.Keys.TakeWhile(k => k < oldest).ToList())
        {
            buckets.Remove(key);
        }
    }
}
