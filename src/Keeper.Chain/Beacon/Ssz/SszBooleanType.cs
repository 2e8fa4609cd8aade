namespace Keeper.Chain.Beacon.Ssz;

/// <summary>boolean: one byte, 0x00 or 0x01.</summary>
public sealed class SszBooleanType : SszType
{
    /// <inheritdoc />
    public override string Name => "boolean";

    /// <inheritdoc />
    public override bool IsFixedSize => true;

    /// <inheritdoc />
    public override int FixedSize => 1;

    internal override bool IsBasic => true;

    /// <inheritdoc />
    public override byte[] DefaultValue() => new byte[1];

    internal override void ValidateCore(ReadOnlySpan<byte> serialized)
    {
        RequireLength(serialized);
        if (serialized[0] > 1)
        {
            throw new SszException("", $"a boolean must be 0x00 or 0x01; got 0x{serialized[0]:x2}");
        }
    }

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        root[..32].Clear();
        root[0] = serialized[0];
    }
}
