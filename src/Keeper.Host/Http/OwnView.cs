namespace Keeper.Host.Http;

/// <summary>The own validators' deadlines (keeper.own), the body of <c>/api/own</c>.</summary>
/// <param name="ChainTime">The next block's timestamp the view was computed at, or null before the first head.</param>
/// <param name="AtRisk">Own validators inside a warning lead time or past a deadline.</param>
/// <param name="SecondsToNearest">Seconds of chain time to the nearest own deadline (negative once passed), or null when none is open.</param>
/// <param name="Deadlines">Every open own deadline, nearest first.</param>
public sealed record OwnView(ulong? ChainTime, int AtRisk, long? SecondsToNearest, IReadOnlyList<OwnDeadlineItem> Deadlines);
