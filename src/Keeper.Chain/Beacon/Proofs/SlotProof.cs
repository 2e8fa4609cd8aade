using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// The verifier's <c>SlotProof</c>: the state's slot under <paramref name="BlockRoot"/>, 9 witnesses, the second being
/// sha256(genesis_time ++ genesis_validators_root).
/// </summary>
/// <param name="Slot">The proven slot.</param>
/// <param name="Witnesses">From the slot's sibling up to the block root's child.</param>
/// <param name="BlockRoot">The beacon block root the proof leads to.</param>
public sealed record SlotProof(ulong Slot, WitnessList Witnesses, Hash32 BlockRoot);
