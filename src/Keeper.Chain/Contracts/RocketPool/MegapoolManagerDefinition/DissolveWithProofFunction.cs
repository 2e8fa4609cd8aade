using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// The manager's <c>dissolve(address,uint32,uint64,ValidatorProof,SlotProof)</c>: dissolves a prestaked validator at once
/// when the proof shows it non-compliant (not the megapool's withdrawal credentials, activating, activated, exiting,
/// 32 ETH or more, or slashed). Not the megapool's own timed-out <c>dissolveValidator(uint32)</c>.
/// </summary>
[Function("dissolve")]
public sealed class DissolveWithProofFunction : ValidatorProofFunction;
