using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rlp;

namespace Keeper.Chain.Transactions;

/// <summary>
/// An EIP-1559 fee-market transaction (type 0x02). It is signed over
/// <c>keccak256(0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList]))</c>
/// and carries the signature's y parity, r and s.
/// </summary>
/// <param name="ChainId">The chain id; must not be 0 to be signed.</param>
/// <param name="Nonce">The sender's account nonce.</param>
/// <param name="MaxPriorityFeePerGas">The tip per gas in wei; at most <paramref name="MaxFeePerGas"/>.</param>
/// <param name="MaxFeePerGas">The fee cap per gas in wei, between 0 and 2^256-1.</param>
/// <param name="GasLimit">The gas limit.</param>
/// <param name="To">The recipient, or <see langword="null"/> for a contract creation.</param>
/// <param name="Value">The value in wei, between 0 and 2^256-1.</param>
/// <param name="Data">The call data; copied.</param>
/// <param name="AccessList">The EIP-2930 access list (often empty); copied.</param>
public sealed record Eip1559Transaction(
    ulong ChainId,
    ulong Nonce,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    ulong GasLimit,
    Address? To,
    BigInteger Value,
    byte[] Data,
    IReadOnlyList<AccessListEntry> AccessList)
    : UnsignedTransaction(ChainId, Nonce, GasLimit, To, Value, Data)
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte TypeByte = 0x02;

    private readonly BigInteger _maxFeePerGas = TransactionGuards.UInt256(MaxFeePerGas, nameof(MaxFeePerGas));
    private readonly BigInteger _maxPriorityFeePerGas = CheckedPriorityFee(MaxPriorityFeePerGas, MaxFeePerGas);
    private readonly IReadOnlyList<AccessListEntry> _accessList = CopyAccessList(AccessList);

    /// <summary>The tip per gas in wei, between 0 and <see cref="MaxFeePerGas"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public BigInteger MaxPriorityFeePerGas
    {
        get => _maxPriorityFeePerGas;
        init => _maxPriorityFeePerGas = TransactionGuards.UInt256(value, nameof(MaxPriorityFeePerGas));
    }

    /// <summary>The fee cap per gas in wei, between 0 and 2^256-1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public BigInteger MaxFeePerGas
    {
        get => _maxFeePerGas;
        init => _maxFeePerGas = TransactionGuards.UInt256(value, nameof(MaxFeePerGas));
    }

    /// <summary>The EIP-2930 access list; the setter copies the list.</summary>
    /// <exception cref="ArgumentNullException">Set to null or containing null.</exception>
    public IReadOnlyList<AccessListEntry> AccessList
    {
        get => _accessList;
        init => _accessList = CopyAccessList(value);
    }

    /// <inheritdoc />
    public override TransactionType Type => TransactionType.Eip1559;

    /// <summary>Checks that the tip does not exceed the fee cap.</summary>
    /// <exception cref="ArgumentException">MaxPriorityFeePerGas is above MaxFeePerGas.</exception>
    public override void Validate() => TransactionGuards.CheckFeeCaps(MaxPriorityFeePerGas, MaxFeePerGas);

    /// <inheritdoc />
    public override byte[] EncodeForSigning()
    {
        Validate();
        return Typed(RlpEncoder.EncodeList(Fields()));
    }

    /// <inheritdoc />
    public override byte[] EncodeSigned(EcdsaSignature signature)
    {
        Validate();
        return Typed(RlpEncoder.EncodeList(
        [
            .. Fields(),
            RlpEncoder.EncodeUInt((ulong)signature.RecoveryId),
            RlpEncoder.EncodeUInt(signature.RValue),
            RlpEncoder.EncodeUInt(signature.SValue),
        ]));
    }

    /// <inheritdoc />
    public bool Equals(Eip1559Transaction? other) =>
        base.Equals(other)
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && MaxFeePerGas == other.MaxFeePerGas
        && AccessList.SequenceEqual(other.AccessList);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), MaxPriorityFeePerGas, MaxFeePerGas, AccessList.Count);

    private static BigInteger CheckedPriorityFee(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas)
    {
        TransactionGuards.UInt256(maxPriorityFeePerGas, nameof(MaxPriorityFeePerGas));
        TransactionGuards.CheckFeeCaps(maxPriorityFeePerGas, maxFeePerGas);
        return maxPriorityFeePerGas;
    }

    private static AccessListEntry[] CopyAccessList(IReadOnlyList<AccessListEntry> accessList)
    {
        ArgumentNullException.ThrowIfNull(accessList, nameof(AccessList));
        var copy = accessList.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentNullException(nameof(accessList), $"Access list entry {i} is null.");
            }
        }

        return copy;
    }

    private static byte[] Typed(byte[] payload)
    {
        var result = new byte[1 + payload.Length];
        result[0] = TypeByte;
        payload.CopyTo(result, 1);
        return result;
    }

    private byte[][] Fields() =>
    [
        RlpEncoder.EncodeUInt(ChainId),
        RlpEncoder.EncodeUInt(Nonce),
        RlpEncoder.EncodeUInt(MaxPriorityFeePerGas),
        RlpEncoder.EncodeUInt(MaxFeePerGas),
        RlpEncoder.EncodeUInt(GasLimit),
        RlpEncoder.EncodeAddress(To),
        RlpEncoder.EncodeUInt(Value),
        RlpEncoder.EncodeBytes(Data),
        EncodeAccessList(),
    ];

    private byte[] EncodeAccessList()
    {
        var entries = new byte[AccessList.Count][];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = AccessList[i];
            var keys = new byte[entry.StorageKeys.Count][];
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = RlpEncoder.EncodeBytes(entry.StorageKeys[k].Bytes);
            }

            entries[i] = RlpEncoder.EncodeList(RlpEncoder.EncodeBytes(entry.Address.Bytes), RlpEncoder.EncodeList(keys));
        }

        return RlpEncoder.EncodeList(entries);
    }
}
