using Keeper.Chain.Primitives;
using Keeper.Host.Devnet.Beacon;

namespace Keeper.Host.Devnet;

/// <summary>
/// The beacon chain the harness's BeaconStateVerifier accepts proofs of: the chain constants the real verifier is built
/// with. A devnet beacon chain must use the same genesis time and genesis validators root (the slot proof's genesis
/// witness) and the same fork slots.
/// </summary>
/// <param name="GenesisTime">Beacon genesis time, in Unix seconds: slot <c>n</c> starts at <c>GenesisTime + 12n</c>.</param>
/// <param name="GenesisValidatorsRoot">The state's <c>genesis_validators_root</c>.</param>
/// <param name="SlotsPerHistoricalRoot">SLOTS_PER_HISTORICAL_ROOT, the length of <c>block_roots</c> (8192 on mainnet; a power of two).</param>
/// <param name="CapellaSlot">The first Capella slot, where <c>historical_summaries</c> starts.</param>
/// <param name="ElectraSlot">The first Electra slot: proofs of earlier states are refused.</param>
/// <param name="BeaconRoots">The EIP-4788 contract the verifier reads roots from.</param>
public sealed record RocketPoolHarnessBeaconConfig(
    ulong GenesisTime,
    Hash32 GenesisValidatorsRoot,
    ulong SlotsPerHistoricalRoot,
    ulong CapellaSlot,
    ulong ElectraSlot,
    Address BeaconRoots)
{
    /// <summary>Mainnet's genesis validators root, which the harness takes unless told otherwise.</summary>
    public static Hash32 MainnetGenesisValidatorsRoot { get; } = Hash32.Parse("0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95");

    /// <summary>
    /// A chain that starts with the dev chain (<paramref name="genesisTime"/> is its genesis block's timestamp), is in
    /// Electra from slot 0, has mainnet's genesis validators root and historical root length, and the EIP-4788 address.
    /// </summary>
    public static RocketPoolHarnessBeaconConfig FromGenesis(ulong genesisTime) =>
        new(genesisTime, MainnetGenesisValidatorsRoot, 8192, 0, 0, BeaconRootsContract.Address);
}
