namespace Keeper.Actors.Tracking;

/// <summary>The own deadlines and warnings (keeper.own) at a chain time; the reply to <see cref="GetOwnStatus"/>.</summary>
/// <param name="ChainTime">The next block's timestamp the views were computed at; null before the first head.</param>
/// <param name="Deadlines">Every open own deadline, nearest first.</param>
public sealed record OwnStatus(ulong? ChainTime, IReadOnlyList<OwnDeadlineView> Deadlines)
{
    /// <summary>No own deadline known.</summary>
    public static OwnStatus Empty { get; } = new(null, []);

    /// <summary>How many own validators are inside their warning lead time (or past the deadline).</summary>
    public int AtRisk => Deadlines.Count(d => d.AtRisk);

    /// <summary>Seconds of chain time to the nearest own deadline (negative once passed); null when none is open or no chain time is known.</summary>
    public long? SecondsToNearest => ChainTime is null || Deadlines.Count == 0 ? null : Deadlines.Min(d => d.SecondsLeft);

    /// <summary>The views of <paramref name="deadlines"/> at chain time <paramref name="chainTime"/> (pure; the watch's one rule).</summary>
    public static OwnStatus At(ulong? chainTime, IEnumerable<OwnDeadline> deadlines, OwnWarningOptions options)
    {
        var views = deadlines.OrderBy(d => d.At).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d =>
        {
            var lead = options.SecondsBefore(d.Kind);
            var warnFrom = d.At > lead ? d.At - lead : 0;
            var now = chainTime ?? 0;
            return new OwnDeadlineView(d, warnFrom, chainTime is not null && now >= warnFrom, chainTime is null ? 0 : (long)d.At - (long)now);
        }).ToArray();
        return new OwnStatus(chainTime, views);
    }
}

/// <summary>Asks the <see cref="OwnDeadlineWatch"/> for its view; it replies <see cref="OwnStatus"/>.</summary>
public sealed record GetOwnStatus
{
    /// <summary>The one instance.</summary>
    public static GetOwnStatus Instance { get; } = new();
}
