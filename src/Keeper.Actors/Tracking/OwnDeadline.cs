using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>A deadline of one of the signing operator's own validators (keeper.own), for warnings well before it.</summary>
/// <param name="Key">The task key of the duty that missing it opens (the same key the duty has).</param>
/// <param name="Kind">What the operator must do.</param>
/// <param name="Megapool">The operator's megapool.</param>
/// <param name="ValidatorId">The megapool validator.</param>
/// <param name="At">The last chain time (Unix seconds) at which doing it is still on time.</param>
public sealed record OwnDeadline(string Key, OwnDeadlineKind Kind, Address Megapool, uint ValidatorId, ulong At);
