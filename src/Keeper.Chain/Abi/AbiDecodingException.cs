namespace Keeper.Chain.Abi;

/// <summary>
/// ABI-encoded data (return data, calldata, log data or topics) does not decode as the expected types.
/// Such data comes from outside (an RPC node, a contract) and is untrusted, so every malformation surfaces as this
/// exception rather than as an index, overflow or out-of-memory error.
/// </summary>
public sealed class AbiDecodingException : AbiException
{
    /// <summary>Creates the exception for a problem at <paramref name="position"/>.</summary>
    /// <param name="message">What is wrong, naming the value being decoded.</param>
    /// <param name="position">The byte offset in the decoded data where the problem was found, or -1 when not tied to one.</param>
    public AbiDecodingException(string message, long position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>The byte offset in the decoded data where the problem was found, or -1 when it is not tied to an offset.</summary>
    public long Position { get; }
}
