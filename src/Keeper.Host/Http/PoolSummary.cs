namespace Keeper.Host.Http;

/// <summary>One pool with duties.</summary>
/// <param name="Address">The megapool or minipool.</param>
/// <param name="Kind">megapool or minipool.</param>
/// <param name="Duties">Duties it holds.</param>
/// <param name="Due">Of those, due now.</param>
/// <param name="NextDueAt">The earliest due time among them (unix seconds, chain time).</param>
public sealed record PoolSummary(string Address, string Kind, int Duties, int Due, ulong NextDueAt);
