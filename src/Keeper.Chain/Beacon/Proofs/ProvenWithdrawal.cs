using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>A withdrawal as the verifier's <c>Withdrawal</c> struct takes it, decoded from the block's payload.</summary>
/// <param name="Index">The withdrawal's global index.</param>
/// <param name="ValidatorIndex">The validator withdrawn from.</param>
/// <param name="Address">The execution address paid (the struct's <c>withdrawalCredentials</c>, a bytes20).</param>
/// <param name="AmountInGwei">The amount in gwei.</param>
public sealed record ProvenWithdrawal(ulong Index, ulong ValidatorIndex, Address Address, ulong AmountInGwei);
