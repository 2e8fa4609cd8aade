using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// The arguments the manager's validator-proof calls share, <c>(address,uint32,uint64,ValidatorProof,SlotProof)</c>:
/// <see cref="NotifyExitFunction"/> and <see cref="DissolveWithProofFunction"/>.
/// </summary>
public abstract class ValidatorProofFunction : FunctionMessage
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

    /// <summary>The validator at the proven slot.</summary>
    [Parameter("tuple", "validatorProof", 4)]
    public ValidatorProofStruct ValidatorProof { get; set; } = new();

    /// <summary>The proven slot.</summary>
    [Parameter("tuple", "slotProof", 5)]
    public SlotProofStruct SlotProof { get; set; } = new();
}
