namespace Keeper.Host.Http;

/// <summary>The body of <c>GET /api/duties</c>.</summary>
/// <param name="ChainTime">The next block's timestamp (unix seconds), or null before the first head.</param>
/// <param name="Due">Duties due now.</param>
/// <param name="Waiting">Duties not yet due.</param>
/// <param name="Duties">Every duty, earliest first.</param>
public sealed record DutiesView(ulong? ChainTime, int Due, int Waiting, IReadOnlyList<DutyView> Duties);
