using System.Numerics;
using Nethereum.Model;

namespace Keeper.Chain.Signing;

/// <summary>
/// Checks made before an EIP-1559 transaction is signed. Nethereum's signer encodes whatever it is given (an unset field
/// becomes zero), so a transaction that nodes would reject, or that is valid on every chain, is refused here with a
/// message naming the field.
/// </summary>
internal static class Eip1559Guards
{
    private static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    public static void Check(Transaction1559 transaction)
    {
        if (transaction.ChainId.IsZero)
        {
            throw new ArgumentException(
                "Refusing to sign a transaction with chain id 0: it would have no replay protection and be valid on every chain. Set the chain id to the target chain's (eth_chainId).",
                nameof(transaction));
        }

        var nonce = UInt256(transaction.Nonce, "Nonce");
        var tip = UInt256(transaction.MaxPriorityFeePerGas, "MaxPriorityFeePerGas");
        var maxFee = UInt256(transaction.MaxFeePerGas, "MaxFeePerGas");
        UInt256(transaction.GasLimit, "GasLimit");
        UInt256(transaction.Amount, "Amount");
        if (nonce >= ulong.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(transaction), nonce, "Nonce must be below 2^64-1 (EIP-2681).");
        }

        if (tip > maxFee)
        {
            throw new ArgumentException(
                $"MaxPriorityFeePerGas ({tip} wei) exceeds MaxFeePerGas ({maxFee} wei); EIP-1559 requires the tip to be at most the fee cap. Raise MaxFeePerGas or lower the tip.",
                nameof(transaction));
        }
    }

    private static BigInteger UInt256(BigInteger? value, string name)
    {
        if (value is not { } set)
        {
            throw new ArgumentException($"{name} is not set; every field of a transaction Keeper signs is set explicitly.", nameof(value));
        }

        if (set.Sign < 0 || set > MaxUInt256)
        {
            throw new ArgumentOutOfRangeException(name, set, $"{name} must be between 0 and 2^256-1; got {set}.");
        }

        return set;
    }
}
