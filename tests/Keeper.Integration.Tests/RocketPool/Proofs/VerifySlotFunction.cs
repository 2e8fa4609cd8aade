using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>The verifier's <c>verifySlot(uint64,SlotProof) returns (bool)</c>.</summary>
[Function("verifySlot", "bool")]
public sealed class VerifySlotFunction : FunctionMessage
{
    [Parameter("uint64", "slotTimestamp", 1)]
    public ulong SlotTimestamp { get; set; }

    [Parameter("tuple", "proof", 2)]
    public SlotProofStruct Proof { get; set; } = new();
}
