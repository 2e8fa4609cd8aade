using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>A withdrawal in a block's execution payload (the consensus spec's <c>Withdrawal</c>).</summary>
/// <param name="Index">The chain-wide withdrawal index.</param>
/// <param name="ValidatorIndex">The validator's registry index.</param>
/// <param name="Address">Where the execution layer credits it.</param>
/// <param name="AmountGwei">The amount in gwei.</param>
public sealed record DevWithdrawal(ulong Index, ulong ValidatorIndex, Address Address, ulong AmountGwei);
