namespace Keeper.Chain.Beacon;

/// <summary>
/// Converts between beacon slots, epochs and Unix timestamps (seconds) for one chain: slot <c>s</c> starts at
/// <c>genesis + s * secondsPerSlot</c>, epoch <c>e</c> at its first slot <c>e * slotsPerEpoch</c>. Every conversion is
/// overflow-safe: a slot or epoch whose start does not fit in 64 bits (such as <see cref="FarFutureEpoch"/>) yields
/// null instead of wrapping around to a time in the past. Immutable and thread-safe.
/// </summary>
public sealed class BeaconTime
{
    /// <summary><c>FAR_FUTURE_EPOCH</c>, 2^64-1: the consensus specification's "not set" epoch.</summary>
    public const ulong FarFutureEpoch = ulong.MaxValue;

    /// <summary>Creates the conversions for a chain.</summary>
    /// <param name="genesisTime">The Unix time, in seconds, at which slot 0 began.</param>
    /// <param name="spec">The slot length and epoch size.</param>
    /// <exception cref="ArgumentException">A spec value is zero, or an epoch's length in seconds does not fit in 64 bits.</exception>
    public BeaconTime(ulong genesisTime, BeaconSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.SecondsPerSlot == 0 || spec.SlotsPerEpoch == 0)
        {
            throw new ArgumentException(
                $"BeaconSpec has SecondsPerSlot {spec.SecondsPerSlot} and SlotsPerEpoch {spec.SlotsPerEpoch}: both must be above zero.", nameof(spec));
        }

        if (Math.BigMul(spec.SecondsPerSlot, spec.SlotsPerEpoch, out var secondsPerEpoch) != 0)
        {
            throw new ArgumentException(
                $"BeaconSpec has SecondsPerSlot {spec.SecondsPerSlot} and SlotsPerEpoch {spec.SlotsPerEpoch}: an epoch's length in seconds does not fit in 64 bits.",
                nameof(spec));
        }

        GenesisTime = genesisTime;
        SecondsPerSlot = spec.SecondsPerSlot;
        SlotsPerEpoch = spec.SlotsPerEpoch;
        SecondsPerEpoch = secondsPerEpoch;
    }

    /// <summary>The Unix time, in seconds, at which slot 0 began.</summary>
    public ulong GenesisTime { get; }

    /// <summary>Seconds per slot.</summary>
    public ulong SecondsPerSlot { get; }

    /// <summary>Slots per epoch.</summary>
    public ulong SlotsPerEpoch { get; }

    /// <summary>Seconds per epoch.</summary>
    public ulong SecondsPerEpoch { get; }

    /// <summary>Creates the conversions from a node's genesis and spec.</summary>
    /// <exception cref="ArgumentException">The spec is unusable (see the constructor).</exception>
    public static BeaconTime From(BeaconGenesis genesis, BeaconSpec spec)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        return new BeaconTime(genesis.GenesisTime, spec);
    }

    /// <summary>The Unix time at which <paramref name="slot"/> starts, or null when it lies beyond 2^64-1 seconds.</summary>
    public ulong? SlotStartTime(ulong slot) => AddProduct(GenesisTime, slot, SecondsPerSlot);

    /// <summary>
    /// The Unix time at which <paramref name="epoch"/> starts, or null when it lies beyond 2^64-1 seconds (always the
    /// case for <see cref="FarFutureEpoch"/>).
    /// </summary>
    public ulong? EpochStartTime(ulong epoch) => AddProduct(GenesisTime, epoch, SecondsPerEpoch);

    /// <summary>
    /// The start of <paramref name="epoch"/> as a UTC time, or null when it lies beyond what
    /// <see cref="DateTimeOffset"/> can hold (year 9999), as for <see cref="FarFutureEpoch"/>.
    /// </summary>
    public DateTimeOffset? EpochStartUtc(ulong epoch) =>
        EpochStartTime(epoch) is { } seconds && seconds <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds)
            : null;

    /// <summary>The first slot of <paramref name="epoch"/>, or null when it does not fit in 64 bits.</summary>
    public ulong? FirstSlotOfEpoch(ulong epoch) => Math.BigMul(epoch, SlotsPerEpoch, out var slot) == 0 ? slot : null;

    /// <summary>The epoch that contains <paramref name="slot"/>.</summary>
    public ulong EpochOfSlot(ulong slot) => slot / SlotsPerEpoch;

    /// <summary>The slot in progress at Unix time <paramref name="timestamp"/>, or null before genesis.</summary>
    public ulong? SlotAt(ulong timestamp) => timestamp < GenesisTime ? null : (timestamp - GenesisTime) / SecondsPerSlot;

    /// <summary>The epoch in progress at Unix time <paramref name="timestamp"/>, or null before genesis.</summary>
    public ulong? EpochAt(ulong timestamp) => timestamp < GenesisTime ? null : (timestamp - GenesisTime) / SecondsPerEpoch;

    private static ulong? AddProduct(ulong start, ulong count, ulong unit)
    {
        if (Math.BigMul(count, unit, out var offset) != 0 || offset > ulong.MaxValue - start)
        {
            return null;
        }

        return start + offset;
    }
}
