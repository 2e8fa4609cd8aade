namespace Keeper.Chain.Abi;

/// <summary>
/// A Solidity custom error (<c>error Unauthorized(address caller, uint256 required)</c>): revert data is its 4-byte
/// selector followed by the ABI encoding of its arguments. See <see cref="RevertDecoder"/> to decode revert data.
/// </summary>
public sealed class AbiError
{
    private readonly byte[] _selector;
    private readonly AbiType[] _types;

    /// <summary>Creates an error from its parts.</summary>
    /// <exception cref="AbiException">The name is not an identifier, or a parameter is marked indexed.</exception>
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = AbiSignatures.CheckName(name, "error");
        Inputs = AbiSignatures.CheckParameters(inputs, $"error {name}", allowIndexed: false);
        Signature = AbiSignatures.Signature(Name, Inputs);
        _selector = AbiSignatures.Selector(Signature);
        _types = AbiSignatures.Types(Inputs);
    }

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The error's parameters, in order.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The canonical signature, e.g. <c>Unauthorized(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first 4 bytes of keccak256(<see cref="Signature"/>); a new copy on each read.</summary>
    public byte[] Selector => (byte[])_selector.Clone();

    /// <summary>Parses a human-readable error such as <c>error Unauthorized(address caller, uint256 required)</c>; the <c>error</c> keyword and names are optional.</summary>
    /// <exception cref="AbiException">The text is not a valid error signature.</exception>
    public static AbiError Parse(string humanReadable)
    {
        ArgumentNullException.ThrowIfNull(humanReadable);
        var reader = new SignatureReader(humanReadable, "error signature");
        var name = reader.ReadIdentifier("an error name");
        if (string.Equals(name, "error", StringComparison.Ordinal))
        {
            name = reader.ReadIdentifier("an error name");
        }

        var inputs = reader.ReadParameterList(allowNames: true, allowIndexed: false);
        reader.ExpectEnd();
        try
        {
            return new AbiError(name, inputs);
        }
        catch (AbiException ex)
        {
            throw reader.Error(ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>True when <paramref name="data"/> starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> data) => data.Length >= 4 && data[..4].SequenceEqual(_selector);

    /// <summary>Encodes revert data for this error: the selector followed by the arguments (useful for fakes and tests).</summary>
    /// <exception cref="AbiException">The number of arguments is wrong, or an argument is invalid.</exception>
    public byte[] EncodeRevertData(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != _types.Length)
        {
            throw new AbiException($"Cannot encode error {Signature}: expected {_types.Length} arguments, got {args.Length}.");
        }

        byte[] encoded;
        try
        {
            encoded = AbiEncoder.Encode(_types, args, AbiSignatures.Labels(Inputs, "argument"));
        }
        catch (AbiException ex)
        {
            throw new AbiException($"Cannot encode error {Signature}: {ex.Message}", ex);
        }

        var data = new byte[4 + encoded.Length];
        _selector.CopyTo(data, 0);
        encoded.CopyTo(data, 4);
        return data;
    }

    /// <summary>Decodes the arguments from revert data that starts with this error's selector.</summary>
    /// <exception cref="AbiDecodingException">The selector differs, or the arguments do not decode.</exception>
    public object?[] DecodeArguments(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
        {
            throw new AbiDecodingException($"Revert data does not start with the selector of {Signature} (0x{Convert.ToHexStringLower(_selector)}).", 0);
        }

        try
        {
            return AbiDecoder.Decode(_types, revertData[4..], AbiSignatures.Labels(Inputs, "argument"));
        }
        catch (AbiDecodingException ex)
        {
            throw new AbiDecodingException($"Cannot decode the arguments of error {Signature} (byte positions count from after the selector): {ex.Message}", ex.Position);
        }
    }

    /// <summary>A human-readable form, e.g. <c>error Unauthorized(address caller, uint256 required)</c>.</summary>
    public override string ToString() => $"error {Name}{AbiSignatures.HumanReadable(Inputs)}";
}
