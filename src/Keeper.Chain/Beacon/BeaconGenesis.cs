using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon;

/// <summary>The chain's genesis, from <c>GET /eth/v1/beacon/genesis</c>; it identifies the beacon chain a node follows.</summary>
/// <param name="GenesisTime">The Unix time, in seconds, at which slot 0 began.</param>
/// <param name="GenesisValidatorsRoot">The root of the genesis validator registry.</param>
/// <param name="GenesisForkVersion">The 4-byte genesis fork version read big-endian (mainnet <c>0x00000000</c> is 0).</param>
public sealed record BeaconGenesis(ulong GenesisTime, Hash32 GenesisValidatorsRoot, uint GenesisForkVersion);
