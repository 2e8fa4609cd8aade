using System.Numerics;

namespace Keeper.Chain.Transactions;

/// <summary>Argument checks shared by the transaction records.</summary>
internal static class TransactionGuards
{
    public static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    public static BigInteger UInt256(BigInteger value, string name)
    {
        if (value.Sign < 0 || value > MaxUInt256)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 2^256-1 wei; got {value}.");
        }

        return value;
    }

    public static byte[] CopyData(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data, name);
        return data.ToArray();
    }

    public static void CheckFeeCaps(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas)
    {
        if (maxPriorityFeePerGas > maxFeePerGas)
        {
            throw new ArgumentException(
                $"MaxPriorityFeePerGas ({maxPriorityFeePerGas} wei) exceeds MaxFeePerGas ({maxFeePerGas} wei); EIP-1559 requires the tip to be at most the fee cap. Raise MaxFeePerGas or lower the tip.",
                nameof(maxPriorityFeePerGas));
        }
    }
}
