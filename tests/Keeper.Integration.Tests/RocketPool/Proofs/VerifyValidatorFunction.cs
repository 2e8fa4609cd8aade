using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>The verifier's <c>verifyValidator(uint64,uint64,ValidatorProof) returns (bool)</c> (the keeper calls the manager, never this).</summary>
[Function("verifyValidator", "bool")]
public sealed class VerifyValidatorFunction : FunctionMessage
{
    [Parameter("uint64", "slotTimestamp", 1)]
    public ulong SlotTimestamp { get; set; }

    [Parameter("uint64", "slot", 2)]
    public ulong Slot { get; set; }

    [Parameter("tuple", "proof", 3)]
    public ValidatorProofStruct Proof { get; set; } = new();
}
