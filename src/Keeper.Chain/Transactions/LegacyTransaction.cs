using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rlp;

namespace Keeper.Chain.Transactions;

/// <summary>
/// A legacy (untyped) transaction. With a non-zero <see cref="UnsignedTransaction.ChainId"/> it is signed per EIP-155:
/// the signing hash covers <c>[nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0]</c> and
/// <c>v = recoveryId + chainId * 2 + 35</c>. With chain id 0 (only from decoding) it is a pre-EIP-155 transaction
/// with <c>v = 27 + recoveryId</c>.
/// </summary>
/// <param name="Nonce">The sender's account nonce.</param>
/// <param name="GasPrice">The gas price in wei, between 0 and 2^256-1.</param>
/// <param name="GasLimit">The gas limit.</param>
/// <param name="To">The recipient, or <see langword="null"/> for a contract creation.</param>
/// <param name="Value">The value in wei, between 0 and 2^256-1.</param>
/// <param name="Data">The call data; copied.</param>
/// <param name="ChainId">The EIP-155 chain id.</param>
public sealed record LegacyTransaction(ulong Nonce, BigInteger GasPrice, ulong GasLimit, Address? To, BigInteger Value, byte[] Data, ulong ChainId)
    : UnsignedTransaction(ChainId, Nonce, GasLimit, To, Value, Data)
{
    private readonly BigInteger _gasPrice = TransactionGuards.UInt256(GasPrice, nameof(GasPrice));

    /// <summary>The gas price in wei, between 0 and 2^256-1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public BigInteger GasPrice
    {
        get => _gasPrice;
        init => _gasPrice = TransactionGuards.UInt256(value, nameof(GasPrice));
    }

    /// <inheritdoc />
    public override TransactionType Type => TransactionType.Legacy;

    /// <inheritdoc />
    public override byte[] EncodeForSigning()
    {
        Validate();
        return ChainId == 0
            ? RlpEncoder.EncodeList(CommonFields())
            : RlpEncoder.EncodeList([.. CommonFields(), RlpEncoder.EncodeUInt(ChainId), [RlpEncoder.EmptyString], [RlpEncoder.EmptyString]]);
    }

    /// <inheritdoc />
    public override byte[] EncodeSigned(EcdsaSignature signature)
    {
        Validate();
        var v = ChainId == 0
            ? new BigInteger(27 + signature.RecoveryId)
            : (new BigInteger(ChainId) * 2) + 35 + signature.RecoveryId;
        return RlpEncoder.EncodeList(
        [
            .. CommonFields(),
            RlpEncoder.EncodeUInt(v),
            RlpEncoder.EncodeUInt(signature.RValue),
            RlpEncoder.EncodeUInt(signature.SValue),
        ]);
    }

    /// <inheritdoc />
    public bool Equals(LegacyTransaction? other) => base.Equals(other) && GasPrice == other.GasPrice;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), GasPrice);

    private byte[][] CommonFields() =>
    [
        RlpEncoder.EncodeUInt(Nonce),
        RlpEncoder.EncodeUInt(GasPrice),
        RlpEncoder.EncodeUInt(GasLimit),
        RlpEncoder.EncodeAddress(To),
        RlpEncoder.EncodeUInt(Value),
        RlpEncoder.EncodeBytes(Data),
    ];
}
