namespace Keeper.Host.Http;

/// <summary>The body of <c>GET /api/pools</c>.</summary>
/// <param name="Megapools">Megapools tracked.</param>
/// <param name="Minipools">Minipools tracked.</param>
/// <param name="LiveTrackers">Trackers running (the rest passivated).</param>
/// <param name="WithDuties">The pools that hold duties, the soonest due first.</param>
public sealed record PoolsView(int Megapools, int Minipools, int LiveTrackers, IReadOnlyList<PoolSummary> WithDuties);
