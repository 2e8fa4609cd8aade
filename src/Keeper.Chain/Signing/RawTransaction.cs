using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Chain.Signing;

/// <summary>
/// A signed transaction as it goes on the wire: the bytes <c>eth_sendRawTransaction</c> takes and their Keccak-256, the
/// id nodes report. Two are equal when their bytes are.
/// </summary>
/// <param name="Bytes">The signed network encoding.</param>
/// <param name="Hash">The transaction hash: Keccak-256 of <paramref name="Bytes"/>.</param>
public sealed record RawTransaction(byte[] Bytes, Hash32 Hash)
{
    /// <summary>Wraps a signed encoding, hashing it.</summary>
    public static RawTransaction From(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new RawTransaction(bytes, new Hash32(Sha3Keccack.Current.CalculateHash(bytes)));
    }

    /// <inheritdoc />
    public bool Equals(RawTransaction? other) =>
        other is not null && Hash == other.Hash && Bytes.AsSpan().SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override int GetHashCode() => Hash.GetHashCode();
}
