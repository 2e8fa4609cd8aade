using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Ssz;

/// <summary>
/// An SSZ type that works directly on serialized bytes: it validates them, hashes them and finds fields and elements
/// inside them without building objects, so a beacon state of millions of validators stays one byte array.
/// </summary>
public abstract class SszType
{
    /// <summary>The type's name as the consensus spec writes it, such as <c>uint64</c>, <c>Validator</c>.</summary>
    public abstract string Name { get; }

    /// <summary>True when every value of the type serializes to <see cref="FixedSize"/> bytes.</summary>
    public abstract bool IsFixedSize { get; }

    /// <summary>The serialized length of a fixed-size type; 0 for a variable-size type.</summary>
    public abstract int FixedSize { get; }

    /// <summary>True for uintN and boolean, which lists and vectors pack into shared chunks.</summary>
    internal virtual bool IsBasic => false;

    /// <summary>
    /// False when any bytes of the right length are a valid value (uintN, ByteVector), so sequences of them need only
    /// a length check.
    /// </summary>
    internal virtual bool HasInvariants => true;

    /// <summary>The hash_tree_root of a serialized value, after validating it.</summary>
    /// <exception cref="SszException">The bytes are not a value of this type.</exception>
    public Hash32 HashTreeRoot(ReadOnlySpan<byte> serialized)
    {
        Validate(serialized);
        Span<byte> root = stackalloc byte[32];
        WriteRoot(serialized, root);
        return new Hash32(root);
    }

    /// <summary>Checks that the bytes are a value of this type.</summary>
    /// <exception cref="SszException">They are not; the path names the first offending field.</exception>
    public void Validate(ReadOnlySpan<byte> serialized)
    {
        try
        {
            ValidateCore(serialized);
        }
        catch (SszException e)
        {
            throw e.Under(Name);
        }
    }

    /// <summary>The serialization of the type's default value: zeros, empty lists, an empty bitlist's delimiter.</summary>
    public abstract byte[] DefaultValue();

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Validates with paths relative to this value (empty for the value itself).</summary>
    internal abstract void ValidateCore(ReadOnlySpan<byte> serialized);

    /// <summary>Writes the root of bytes already validated.</summary>
    internal abstract void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root);

    /// <summary>Checks a fixed-size value's length.</summary>
    internal void RequireLength(ReadOnlySpan<byte> serialized)
    {
        if (serialized.Length != FixedSize)
        {
            throw new SszException("", $"a {Name} is {FixedSize} bytes; got {serialized.Length}");
        }
    }
}
