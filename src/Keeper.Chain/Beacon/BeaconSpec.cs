namespace Keeper.Chain.Beacon;

/// <summary>The chain's timing constants, from <c>GET /eth/v1/config/spec</c>.</summary>
/// <param name="SecondsPerSlot">Seconds per slot (<c>SECONDS_PER_SLOT</c>); never zero.</param>
/// <param name="SlotsPerEpoch">Slots per epoch (<c>SLOTS_PER_EPOCH</c>); never zero.</param>
/// <param name="CapellaForkEpoch">
/// The Capella fork's epoch (<c>CAPELLA_FORK_EPOCH</c>), where historical_summaries start numbering 8192-slot periods;
/// null when the node did not say (only historical withdrawal proofs need it).
/// </param>
public sealed record BeaconSpec(ulong SecondsPerSlot, ulong SlotsPerEpoch, ulong? CapellaForkEpoch = null)
{
    /// <summary>
    /// The mainnet values (12 seconds, 32 slots), used only for a key a node leaves out of its spec answer; a node
    /// that sends a value always wins.
    /// </summary>
    public static BeaconSpec MainnetDefaults { get; } = new(12, 32);
}
