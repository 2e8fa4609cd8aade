namespace Keeper.Chain.Abi;

/// <summary>
/// A value that cannot be encoded as its ABI type, or data that cannot be decoded as one. Thrown deep inside the encoders and caught at the top, where the
/// path collected on the way out ("[3].1") and the argument position make the public <see cref="AbiException"/> message.
/// Collecting the path while unwinding costs nothing on the success path.
/// </summary>
internal sealed class AbiValueError : Exception
{
    private readonly List<string> _segments = [];

    public AbiValueError(AbiType type, string reason, long position = -1)
        : base(reason)
    {
        Type = type;
        Reason = reason;
        Position = position;
    }

    public AbiType Type { get; }

    public string Reason { get; }

    /// <summary>When decoding, the byte offset in the data where the problem lies; -1 when encoding.</summary>
    public long Position { get; }

    /// <summary>Records that the failing value sits at <paramref name="segment"/> (such as "[2]" or ".0") of its parent.</summary>
    public void Within(string segment) => _segments.Add(segment);

    /// <summary>"argument 2[1].0 (uint8): 300 is out of range 0..255".</summary>
    public string Describe(string root)
    {
        _segments.Reverse();
        var path = root + string.Concat(_segments);
        _segments.Reverse();
        return Position >= 0 ? $"{path} ({Type}) at byte {Position}: {Reason}" : $"{path} ({Type}): {Reason}";
    }
}
