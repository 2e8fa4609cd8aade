namespace Keeper.Actors.GoGoPool;

/// <summary>The alerts due for one minipool at one chain time.</summary>
/// <param name="Due">The alerts that hold now.</param>
/// <param name="NextAt">
/// The earliest later chain time at which another alert will hold if nothing else changes (one second past its boundary),
/// or null when none will.
/// </param>
public sealed record GoGoAlertEvaluation(IReadOnlyList<GoGoAlert> Due, ulong? NextAt);
