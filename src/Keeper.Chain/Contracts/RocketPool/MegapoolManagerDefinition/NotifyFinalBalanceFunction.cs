using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// <c>notifyFinalBalance(address,uint32,uint64,WithdrawalProof,ValidatorProof,SlotProof)</c>: reports an exited
/// validator's final withdrawal. A caller other than the node operator must wait <c>getUserDistributeDelay()</c> epochs
/// after the withdrawal's epoch, counted to the proof's epoch.
/// </summary>
[Function("notifyFinalBalance")]
public sealed class NotifyFinalBalanceFunction : FunctionMessage
{
    /// <summary>The megapool holding the validator.</summary>
    [Parameter("address", "megapool", 1)]
    public string Megapool { get; set; } = "";

    /// <summary>The megapool-local validator id.</summary>
    [Parameter("uint32", "validatorId", 2)]
    public uint ValidatorId { get; set; }

    /// <summary>The timestamp under which EIP-4788 holds the proven block root (its child block's timestamp).</summary>
    [Parameter("uint64", "slotTimestamp", 3)]
    public ulong SlotTimestamp { get; set; }

    /// <summary>The final withdrawal, at or after the validator's withdrawable epoch.</summary>
    [Parameter("tuple", "withdrawalProof", 4)]
    public WithdrawalProofStruct WithdrawalProof { get; set; } = new();

    /// <summary>The validator at the proven slot.</summary>
    [Parameter("tuple", "validatorProof", 5)]
    public ValidatorProofStruct ValidatorProof { get; set; } = new();

    /// <summary>The proven slot.</summary>
    [Parameter("tuple", "slotProof", 6)]
    public SlotProofStruct SlotProof { get; set; } = new();
}
