using Keeper.Chain.Beacon.Proofs;

namespace Keeper.Chain.Proving;

/// <summary>One proven slot: its state's tree, the slot proof every call shares, and the EIP-4788 key of its root.</summary>
/// <param name="Tree">The tree of the proven block's post-state.</param>
/// <param name="SlotProof">The slot proof, built once.</param>
/// <param name="SlotTimestamp">The child block's slot time, under which EIP-4788 holds the proven block's root.</param>
internal sealed record ProvenState(BeaconStateTree Tree, SlotProof SlotProof, ulong SlotTimestamp);
