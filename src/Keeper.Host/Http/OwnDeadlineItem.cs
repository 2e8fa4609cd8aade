namespace Keeper.Host.Http;

/// <summary>One own deadline in <see cref="OwnView"/>.</summary>
/// <param name="Key">The task key of the duty that missing it opens.</param>
/// <param name="Kind">What the operator must do: stake, or notify-exit.</param>
/// <param name="Megapool">The own megapool.</param>
/// <param name="ValidatorId">The megapool validator.</param>
/// <param name="Deadline">The deadline, in unix seconds of chain time.</param>
/// <param name="WarnFrom">When the warning starts, in unix seconds of chain time.</param>
/// <param name="AtRisk">Whether the warning is on.</param>
/// <param name="SecondsLeft">Seconds of chain time left (negative once passed).</param>
public sealed record OwnDeadlineItem(string Key, string Kind, string Megapool, uint ValidatorId, ulong Deadline, ulong WarnFrom, bool AtRisk, long SecondsLeft);
