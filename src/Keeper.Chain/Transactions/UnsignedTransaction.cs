using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Transactions;

/// <summary>
/// A transaction before signing. The closed set of kinds is <see cref="LegacyTransaction"/> and
/// <see cref="Eip1559Transaction"/>. Equality compares every field by value, including <see cref="Data"/>.
/// </summary>
public abstract record UnsignedTransaction
{
    private readonly BigInteger _value;
    private readonly byte[] _data = [];

    private protected UnsignedTransaction(ulong chainId, ulong nonce, ulong gasLimit, Address? to, BigInteger value, byte[] data)
    {
        ChainId = chainId;
        Nonce = nonce;
        GasLimit = gasLimit;
        To = to;
        Value = value;
        Data = data;
    }

    /// <summary>The EIP-155 chain id; 0 only for a decoded pre-EIP-155 legacy transaction, which has no replay protection.</summary>
    public ulong ChainId { get; init; }

    /// <summary>The sender's account nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient, or <see langword="null"/> for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>The value in wei, between 0 and 2^256-1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public BigInteger Value
    {
        get => _value;
        init => _value = TransactionGuards.UInt256(value, nameof(Value));
    }

    /// <summary>The call data (empty for a plain transfer). The setter copies the array.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public byte[] Data
    {
        get => _data;
        init => _data = TransactionGuards.CopyData(value, nameof(Data));
    }

    /// <summary>The EIP-2718 type of this transaction.</summary>
    public abstract TransactionType Type { get; }

    /// <summary>The bytes whose Keccak-256 hash is signed (for a typed transaction, including the type byte).</summary>
    /// <exception cref="ArgumentException">The fields are inconsistent (see <see cref="Validate"/>).</exception>
    public abstract byte[] EncodeForSigning();

    /// <summary>The 32-byte hash the sender signs: Keccak-256 of <see cref="EncodeForSigning"/>.</summary>
    /// <exception cref="ArgumentException">The fields are inconsistent (see <see cref="Validate"/>).</exception>
    public byte[] SigningHash() => Keccak256.Hash(EncodeForSigning());

    /// <summary>The network encoding of this transaction with <paramref name="signature"/>, as <c>eth_sendRawTransaction</c> takes it.</summary>
    /// <exception cref="ArgumentException">The fields are inconsistent (see <see cref="Validate"/>).</exception>
    public abstract byte[] EncodeSigned(EcdsaSignature signature);

    /// <summary>
    /// Checks rules that span several fields. Constructors check them too; this catches a <c>with</c> expression that
    /// broke one, and runs before every encoding.
    /// </summary>
    /// <exception cref="ArgumentException">The fields are inconsistent, with a message naming them.</exception>
    public virtual void Validate()
    {
    }

    /// <inheritdoc />
    public virtual bool Equals(UnsignedTransaction? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (EqualityContract == other.EqualityContract
                && ChainId == other.ChainId
                && Nonce == other.Nonce
                && GasLimit == other.GasLimit
                && To == other.To
                && Value == other.Value
                && Data.AsSpan().SequenceEqual(other.Data)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, ChainId, Nonce, GasLimit, To, Value, Data.Length);
}
