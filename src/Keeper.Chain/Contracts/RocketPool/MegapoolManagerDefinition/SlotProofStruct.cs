using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// Rocket Pool's <c>SlotProof</c>: the beacon state's slot, proven from the same block root (9 witnesses, leaf side
/// first; the second is sha256 of genesis_time and genesis_validators_root). The manager takes the proof's epoch
/// (<c>Slot / 32</c>) as the recent epoch of its timing rules.
/// </summary>
[Struct("SlotProof")]
public sealed class SlotProofStruct
{
    /// <summary>The proven state's slot.</summary>
    [Parameter("uint64", "slot", 1)]
    public ulong Slot { get; set; }

    /// <summary>The Merkle branch (32 bytes each).</summary>
    [Parameter("bytes32[]", "witnesses", 2)]
    public List<byte[]> Witnesses { get; set; } = [];
}
