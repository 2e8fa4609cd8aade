namespace Keeper.Actors.Tracking;

/// <summary>One own deadline as the <see cref="OwnDeadlineWatch"/> sees it at a chain time.</summary>
/// <param name="Deadline">The deadline.</param>
/// <param name="WarnFrom">The chain time from which it is warned about (<c>At</c> minus the lead time of its kind, at least 0).</param>
/// <param name="AtRisk">Whether chain time has reached <paramref name="WarnFrom"/>: the operator should act now.</param>
/// <param name="SecondsLeft">Seconds of chain time until the deadline; negative once it has passed.</param>
public sealed record OwnDeadlineView(OwnDeadline Deadline, ulong WarnFrom, bool AtRisk, long SecondsLeft);
