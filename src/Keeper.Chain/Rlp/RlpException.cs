namespace Keeper.Chain.Rlp;

/// <summary>
/// Thrown when bytes are not valid, canonical RLP, or when a decoded item does not have the shape a caller expects
/// (a list where a string was needed, an integer with leading zeros, an address of the wrong length).
/// </summary>
public sealed class RlpException : Exception
{
    /// <summary>Creates the exception with the byte offset in the input where the problem was found.</summary>
    public RlpException(string message, int offset)
        : base($"Invalid RLP at byte offset {offset}: {message}")
    {
        Offset = offset;
    }

    /// <summary>The byte offset in the decoded input where the problem was found.</summary>
    public int Offset { get; }
}
