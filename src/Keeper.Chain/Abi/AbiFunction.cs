namespace Keeper.Chain.Abi;

/// <summary>
/// A contract function: its name, inputs and outputs, signature and 4-byte selector, and the encoding of calls and
/// decoding of their results. Argument values follow the value model on <see cref="AbiType"/>. Immutable and thread-safe.
/// </summary>
public sealed class AbiFunction
{
    private static readonly HashSet<string> Mutabilities = new(StringComparer.Ordinal) { "pure", "view", "nonpayable", "payable" };
    private static readonly HashSet<string> IgnoredModifiers = new(StringComparer.Ordinal) { "external", "public", "internal", "private", "virtual", "override" };

    private readonly byte[] _selector;
    private readonly AbiType[] _inputTypes;
    private readonly AbiType[] _outputTypes;

    /// <summary>Creates a function from its parts.</summary>
    /// <param name="name">The function name, an identifier.</param>
    /// <param name="inputs">The parameters.</param>
    /// <param name="outputs">The return values.</param>
    /// <param name="stateMutability"><c>pure</c>, <c>view</c>, <c>nonpayable</c> or <c>payable</c>.</param>
    /// <exception cref="AbiException">The name is not an identifier, a parameter is indexed, or the mutability is unknown.</exception>
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        Name = AbiSignatures.CheckName(name, "function");
        Inputs = AbiSignatures.CheckParameters(inputs, $"function {name}", allowIndexed: false);
        Outputs = AbiSignatures.CheckParameters(outputs, $"function {name}", allowIndexed: false);
        if (stateMutability is null || !Mutabilities.Contains(stateMutability))
        {
            throw new AbiException($"Function {name}: state mutability '{stateMutability}' is not one of pure, view, nonpayable, payable.");
        }

        StateMutability = stateMutability;
        Signature = AbiSignatures.Signature(Name, Inputs);
        _selector = AbiSignatures.Selector(Signature);
        _inputTypes = AbiSignatures.Types(Inputs);
        _outputTypes = AbiSignatures.Types(Outputs);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The return values, in order.</summary>
    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary><c>pure</c>, <c>view</c>, <c>nonpayable</c> or <c>payable</c>.</summary>
    public string StateMutability { get; }

    /// <summary>The canonical signature that the selector hashes, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first 4 bytes of keccak256(<see cref="Signature"/>); a new copy on each read.</summary>
    public byte[] Selector => (byte[])_selector.Clone();

    /// <summary>True when <paramref name="calldata"/> starts with this function's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> calldata) => calldata.Length >= 4 && calldata[..4].SequenceEqual(_selector);

    /// <summary>
    /// Parses a human-readable function: <c>function getValidatorInfo(uint32 id) view returns ((uint32,uint32,bool) info, address megapool)</c>,
    /// <c>transfer(address,uint256)</c> or <c>balanceOf(address) returns (uint256)</c>. The <c>function</c> keyword,
    /// parameter names, data locations (<c>memory</c>, <c>calldata</c>), visibility and the <c>returns</c> clause are
    /// optional; <c>uint</c>/<c>int</c> mean <c>uint256</c>/<c>int256</c>; tuples are written <c>(...)</c> or
    /// <c>tuple(...)</c> and their components may be named.
    /// </summary>
    /// <exception cref="AbiException">The text is not a valid function signature; the message says why and where.</exception>
    public static AbiFunction Parse(string humanReadable)
    {
        ArgumentNullException.ThrowIfNull(humanReadable);
        var reader = new SignatureReader(humanReadable, "function signature");
        var name = reader.ReadIdentifier("a function name");
        if (string.Equals(name, "function", StringComparison.Ordinal))
        {
            name = reader.ReadIdentifier("a function name");
        }

        var inputs = reader.ReadParameterList(allowNames: true, allowIndexed: false);
        IReadOnlyList<AbiParameter> outputs = [];
        var mutability = "nonpayable";
        var sawReturns = false;
        while (reader.TryReadIdentifier() is { } word)
        {
            if (string.Equals(word, "returns", StringComparison.Ordinal) && !sawReturns)
            {
                outputs = reader.ReadParameterList(allowNames: true, allowIndexed: false);
                sawReturns = true;
            }
            else if (Mutabilities.Contains(word) || string.Equals(word, "constant", StringComparison.Ordinal))
            {
                mutability = string.Equals(word, "constant", StringComparison.Ordinal) ? "view" : word;
            }
            else if (!IgnoredModifiers.Contains(word))
            {
                throw reader.Error($"unexpected '{word}' (expected a modifier such as view, or returns (...))");
            }
        }

        reader.ExpectEnd();
        try
        {
            return new AbiFunction(name, inputs, outputs, mutability);
        }
        catch (AbiException ex)
        {
            throw reader.Error(ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>Encodes a call: the selector followed by the ABI encoding of <paramref name="args"/>, one per input.</summary>
    /// <remarks>
    /// A lone tuple or array argument held in an <c>object?[]</c> would be taken as the whole argument list by C#'s
    /// <c>params</c>; wrap it: <c>EncodeCall([tupleValue])</c>.
    /// </remarks>
    /// <exception cref="AbiException">The number of arguments is wrong, or an argument has the wrong type or is out of range.</exception>
    public byte[] EncodeCall(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CheckCount(args.Length, _inputTypes.Length, "arguments", "call");
        var encoded = Encode(_inputTypes, args, AbiSignatures.Labels(Inputs, "argument"), "call");
        var call = new byte[4 + encoded.Length];
        _selector.CopyTo(call, 0);
        encoded.CopyTo(call, 4);
        return call;
    }

    /// <summary>Encodes return values, as the function would return them (useful for fakes and tests); wrap a lone <c>object?[]</c> value as for <see cref="EncodeCall"/>.</summary>
    /// <exception cref="AbiException">The number of values is wrong, or a value has the wrong type or is out of range.</exception>
    public byte[] EncodeOutput(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, _outputTypes.Length, "output values", "result");
        return Encode(_outputTypes, values, AbiSignatures.Labels(Outputs, "output"), "result");
    }

    /// <summary>Decodes return data (<c>eth_call</c> result) into one value per output.</summary>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding of the outputs.</exception>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) =>
        Decode(_outputTypes, returnData, AbiSignatures.Labels(Outputs, "output"), "the result");

    /// <summary>Decodes calldata (selector and arguments) into one value per input, after checking the selector.</summary>
    /// <exception cref="AbiDecodingException">The selector is not this function's, or the arguments do not decode.</exception>
    public object?[] DecodeInput(ReadOnlySpan<byte> calldata)
    {
        if (calldata.Length < 4)
        {
            throw new AbiDecodingException($"Calldata for {Signature} must start with a 4-byte selector; it has {calldata.Length} bytes.", 0);
        }

        if (!Matches(calldata))
        {
            throw new AbiDecodingException($"Calldata selector 0x{Convert.ToHexStringLower(calldata[..4])} is not {Signature} (0x{Convert.ToHexStringLower(_selector)}).", 0);
        }

        return Decode(_inputTypes, calldata[4..], AbiSignatures.Labels(Inputs, "argument"), "the arguments (byte positions count from after the selector)");
    }

    /// <summary>A human-readable form, e.g. <c>function balanceOf(address owner) view returns (uint256)</c>.</summary>
    public override string ToString()
    {
        var text = $"function {Name}{AbiSignatures.HumanReadable(Inputs)}";
        if (!string.Equals(StateMutability, "nonpayable", StringComparison.Ordinal))
        {
            text += " " + StateMutability;
        }

        return Outputs.Count == 0 ? text : text + " returns " + AbiSignatures.HumanReadable(Outputs);
    }

    private void CheckCount(int actual, int expected, string what, string purpose)
    {
        if (actual != expected)
        {
            throw new AbiException($"Cannot encode the {purpose} of {Signature}: expected {expected} {what}, got {actual}.");
        }
    }

    private byte[] Encode(AbiType[] types, object?[] values, Func<int, string> labels, string purpose)
    {
        try
        {
            return AbiEncoder.Encode(types, values, labels);
        }
        catch (AbiException ex)
        {
            throw new AbiException($"Cannot encode the {purpose} of {Signature}: {ex.Message}", ex);
        }
    }

    private object?[] Decode(AbiType[] types, ReadOnlySpan<byte> data, Func<int, string> labels, string what)
    {
        try
        {
            return AbiDecoder.Decode(types, data, labels);
        }
        catch (AbiDecodingException ex)
        {
            throw new AbiDecodingException($"Cannot decode {what} of {Signature}: {ex.Message}", ex.Position);
        }
    }
}
