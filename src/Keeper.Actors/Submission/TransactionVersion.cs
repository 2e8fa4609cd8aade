using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>
/// One signed version of a transaction: the first, or a fee-bumped replacement with the same nonce, or a zero-value
/// self-transfer that cancels it. Any version sent for a nonce may be the one that is mined.
/// </summary>
/// <param name="Hash">The transaction hash (Keccak-256 of <paramref name="Raw"/>).</param>
/// <param name="Raw">The signed network encoding, re-broadcast as it is (same nonce, same hash).</param>
/// <param name="To">The recipient: the contract, or our own address for a cancellation.</param>
/// <param name="Data">The calldata; empty for a cancellation.</param>
/// <param name="GasLimit">The gas limit.</param>
/// <param name="MaxFeePerGas">The fee cap per gas, in wei.</param>
/// <param name="MaxPriorityFeePerGas">The tip per gas, in wei.</param>
/// <param name="IsCancellation">True for the zero-value self-transfer that replaces an abandoned action.</param>
public sealed record TransactionVersion(
    Hash32 Hash,
    byte[] Raw,
    Address To,
    byte[] Data,
    ulong GasLimit,
    BigInteger MaxFeePerGas,
    BigInteger MaxPriorityFeePerGas,
    bool IsCancellation)
{
    /// <summary>True when every field, including the bytes of <see cref="Raw"/> and <see cref="Data"/>, is equal.</summary>
    public bool Equals(TransactionVersion? other) =>
        other is not null
        && Hash == other.Hash
        && Raw.AsSpan().SequenceEqual(other.Raw)
        && To == other.To
        && Data.AsSpan().SequenceEqual(other.Data)
        && GasLimit == other.GasLimit
        && MaxFeePerGas == other.MaxFeePerGas
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && IsCancellation == other.IsCancellation;

    /// <summary>The hash of the transaction hash.</summary>
    public override int GetHashCode() => Hash.GetHashCode();
}
