using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Transactions;

/// <summary>
/// A signed transaction: what was signed, the signature, the network encoding that <c>eth_sendRawTransaction</c>
/// takes, its hash (Keccak-256 of <see cref="RawEncoding"/>, the id nodes report) and the sender.
/// Two signed transactions are equal when their raw encodings are.
/// </summary>
/// <param name="Transaction">The transaction that was signed.</param>
/// <param name="Signature">The signature (low-s, recovery id 0 or 1).</param>
/// <param name="RawEncoding">The signed network encoding.</param>
/// <param name="Hash">The transaction hash: Keccak-256 of <paramref name="RawEncoding"/>.</param>
/// <param name="Sender">The address that signed.</param>
public sealed record SignedTransaction(UnsignedTransaction Transaction, EcdsaSignature Signature, byte[] RawEncoding, Hash32 Hash, Address Sender)
{
    /// <summary>The raw encoding as 0x-prefixed hex, the parameter of <c>eth_sendRawTransaction</c>.</summary>
    public string RawHex => Hex.Encode(RawEncoding);

    /// <inheritdoc />
    public bool Equals(SignedTransaction? other) =>
        other is not null && Hash == other.Hash && RawEncoding.AsSpan().SequenceEqual(other.RawEncoding);

    /// <inheritdoc />
    public override int GetHashCode() => Hash.GetHashCode();
}
