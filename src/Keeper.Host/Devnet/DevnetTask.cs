using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet;

/// <summary>An action the devnet expects the keepers to take.</summary>
/// <param name="Key">The task key.</param>
/// <param name="Target">The megapool or minipool.</param>
/// <param name="ValidatorId">The megapool validator, or null for a minipool.</param>
/// <param name="DueAt">The first block timestamp at which it is valid.</param>
public sealed record DevnetTask(string Key, Address Target, uint? ValidatorId, ulong DueAt);
