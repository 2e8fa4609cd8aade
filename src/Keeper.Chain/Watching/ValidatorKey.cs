using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>A megapool validator: its megapool and megapool-local id.</summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="ValidatorId">The id within the megapool.</param>
public readonly record struct ValidatorKey(Address Megapool, uint ValidatorId);
