using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// The verifier's <c>ValidatorProof</c>: validators[<paramref name="ValidatorIndex"/>] of the state under
/// <paramref name="BlockRoot"/>, 50 witnesses.
/// </summary>
/// <param name="ValidatorIndex">The validator's index (a uint40 in the struct).</param>
/// <param name="Validator">The validator's record.</param>
/// <param name="Witnesses">From the validator's sibling up to the block root's child.</param>
/// <param name="BlockRoot">The beacon block root the proof leads to; EIP-4788 holds it under the child block's timestamp.</param>
/// <param name="Slot">The slot of that block.</param>
public sealed record ValidatorProof(ulong ValidatorIndex, ProvenValidator Validator, WitnessList Witnesses, Hash32 BlockRoot, ulong Slot);
