using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// Rocket Pool's <c>WithdrawalProof</c>: <c>withdrawals[WithdrawalNum]</c> of the block at <c>WithdrawalSlot</c>, proven
/// from a later block root through the state's block_roots (39 witnesses) or, when more than 8192 slots older,
/// historical_summaries (65 witnesses).
/// </summary>
[Struct("WithdrawalProof")]
public sealed class WithdrawalProofStruct
{
    /// <summary>The slot of the block holding the withdrawal.</summary>
    [Parameter("uint64", "withdrawalSlot", 1)]
    public ulong WithdrawalSlot { get; set; }

    /// <summary>The withdrawal's position in that block's payload (0-15).</summary>
    [Parameter("uint16", "withdrawalNum", 2)]
    public ushort WithdrawalNum { get; set; }

    /// <summary>The proven withdrawal.</summary>
    [Parameter("tuple", "withdrawal", 3)]
    public WithdrawalStruct Withdrawal { get; set; } = new();

    /// <summary>The Merkle branch (32 bytes each).</summary>
    [Parameter("bytes32[]", "witnesses", 4)]
    public List<byte[]> Witnesses { get; set; } = [];
}
