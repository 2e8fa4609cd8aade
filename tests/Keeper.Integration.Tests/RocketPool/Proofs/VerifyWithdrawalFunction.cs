using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>The verifier's <c>verifyWithdrawal(uint64,uint64,WithdrawalProof) returns (bool)</c>.</summary>
[Function("verifyWithdrawal", "bool")]
public sealed class VerifyWithdrawalFunction : FunctionMessage
{
    [Parameter("uint64", "slotTimestamp", 1)]
    public ulong SlotTimestamp { get; set; }

    [Parameter("uint64", "slot", 2)]
    public ulong Slot { get; set; }

    [Parameter("tuple", "proof", 3)]
    public WithdrawalProofStruct Proof { get; set; } = new();
}
