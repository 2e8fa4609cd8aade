using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet;

/// <summary>What <see cref="RocketPoolHarness.SeedAsync"/> or <see cref="RocketPoolHarness.SeedInBatchesAsync"/> created.</summary>
/// <param name="Megapools">The megapools, in creation order.</param>
/// <param name="Prestaked">The validators left in prestake (their dissolve deadline runs), by megapool and id.</param>
/// <param name="Prelaunch">The minipools left in prelaunch (their launch timeout runs).</param>
/// <param name="Minipools">Every minipool.</param>
/// <param name="Transactions">How many transactions seeding took.</param>
public sealed record SeedResult(
    IReadOnlyList<Address> Megapools,
    IReadOnlyList<(Address Megapool, uint ValidatorId)> Prestaked,
    IReadOnlyList<Address> Prelaunch,
    IReadOnlyList<Address> Minipools,
    int Transactions);
