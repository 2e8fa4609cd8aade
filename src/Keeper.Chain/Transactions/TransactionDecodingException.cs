namespace Keeper.Chain.Transactions;

/// <summary>
/// Thrown when raw bytes are not a valid signed transaction of a supported type: malformed or non-canonical RLP,
/// wrong field count, out-of-range values, an unsupported type byte, or a signature from which no sender can be recovered.
/// </summary>
public sealed class TransactionDecodingException : Exception
{
    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public TransactionDecodingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the lower-level error that caused it.</summary>
    public TransactionDecodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
