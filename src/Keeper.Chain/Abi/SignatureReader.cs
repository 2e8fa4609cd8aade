using System.Globalization;

namespace Keeper.Chain.Abi;

/// <summary>
/// Reads ABI types and human-readable signatures (<c>function f(uint256 a) view returns (bool)</c>) from text,
/// reporting every error with the offending text and position.
/// </summary>
internal sealed class SignatureReader
{
    private static readonly HashSet<string> DataLocations = new(StringComparer.Ordinal) { "memory", "calldata", "storage" };

    private readonly string _text;
    private readonly string _what;
    private int _position;

    public SignatureReader(string text, string what)
    {
        _text = text;
        _what = what;
    }

    public void ExpectEnd()
    {
        SkipWhitespace();
        if (_position < _text.Length)
        {
            throw Error($"unexpected '{_text[_position]}'; the {_what} should end here");
        }
    }

    public bool TryConsume(char c)
    {
        SkipWhitespace();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    public void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"expected '{c}' but found {Describe()}");
        }
    }

    public string? TryReadIdentifier()
    {
        SkipWhitespace();
        var start = _position;
        if (_position >= _text.Length || !IsIdentifierStart(_text[_position]))
        {
            return null;
        }

        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    public string ReadIdentifier(string expectation) =>
        TryReadIdentifier() ?? throw Error($"expected {expectation} but found {Describe()}");

    public AbiException Error(string reason) =>
        new($"Invalid {_what} '{AbiType.Abbreviate(_text)}' at position {_position}: {reason}.");

    /// <summary>Reads a type with its array suffixes; tuple components may carry names when <paramref name="allowNames"/>.</summary>
    public (AbiType Type, IReadOnlyList<AbiParameter> Components) ReadType(bool allowNames, int depth = 0)
    {
        if (depth > AbiType.MaxNestingDepth)
        {
            throw Error($"tuples nest more than {AbiType.MaxNestingDepth} levels deep");
        }

        SkipWhitespace();
        var start = _position;
        AbiType type;
        IReadOnlyList<AbiParameter> components = [];
        if (Peek() == '(')
        {
            (type, components) = ReadTuple(allowNames, depth);
        }
        else
        {
            var identifier = ReadIdentifier("a type");
            if (string.Equals(identifier, "tuple", StringComparison.Ordinal) && PeekAfterWhitespace() == '(')
            {
                (type, components) = ReadTuple(allowNames, depth);
            }
            else
            {
                _position = start;
                type = Elementary(identifier);
                _position = start + identifier.Length;
            }
        }

        while (TryConsume('['))
        {
            if (TryConsume(']'))
            {
                type = Wrap(() => AbiType.Array(type));
                continue;
            }

            SkipWhitespace();
            var digitsStart = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            var digits = _text[digitsStart.._position];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                _position = digitsStart;
                throw Error(digits.Length == 0 ? $"expected an array length or ']' but found {Describe()}" : $"array length {digits} is too large");
            }

            Expect(']');
            type = Wrap(() => AbiType.FixedArray(type, length));
        }

        return (type, components);
    }

    /// <summary>Reads <c>( parameter, ... )</c>, possibly empty.</summary>
    public IReadOnlyList<AbiParameter> ReadParameterList(bool allowNames, bool allowIndexed, int depth = 0)
    {
        Expect('(');
        var parameters = new List<AbiParameter>();
        if (TryConsume(')'))
        {
            return parameters;
        }

        do
        {
            parameters.Add(ReadParameter(allowNames, allowIndexed, depth));
        }
        while (TryConsume(','));

        Expect(')');
        return parameters;
    }

    private AbiParameter ReadParameter(bool allowNames, bool allowIndexed, int depth)
    {
        var (type, components) = ReadType(allowNames, depth);
        if (!allowNames)
        {
            return new AbiParameter(null, type, false, components);
        }

        var indexed = false;
        string? name = null;
        var wordStart = _position;
        while (TryReadIdentifier() is { } word)
        {
            if (name is not null)
            {
                _position = wordStart;
                throw Error($"unexpected '{word}' after parameter name '{name}' (missing ','?)");
            }

            if (string.Equals(word, "indexed", StringComparison.Ordinal))
            {
                if (!allowIndexed || indexed)
                {
                    _position = wordStart;
                    throw Error(indexed ? "'indexed' appears twice" : "'indexed' is only allowed on event parameters");
                }

                indexed = true;
            }
            else if (DataLocations.Contains(word) || (string.Equals(word, "payable", StringComparison.Ordinal) && type == AbiType.Address))
            {
                // Data locations and 'address payable' do not change the ABI type.
            }
            else
            {
                name = word;
            }

            wordStart = _position;
        }

        return new AbiParameter(name, type, indexed, components);
    }

    private (AbiType Type, IReadOnlyList<AbiParameter> Components) ReadTuple(bool allowNames, int depth)
    {
        var start = _position;
        var parameters = ReadParameterList(allowNames, allowIndexed: false, depth + 1);
        if (parameters.Count == 0)
        {
            _position = start;
            throw Error("an empty tuple '()' is not a valid type; a tuple needs at least one component");
        }

        var type = Wrap(() => AbiType.Tuple(parameters.Select(p => p.Type).ToArray()));
        var named = parameters.Any(p => p.Name.Length > 0 || p.Components.Count > 0);
        return (type, named ? parameters : []);
    }

    private AbiType Elementary(string identifier)
    {
        switch (identifier)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.String;
            case "bytes": return AbiType.Bytes;
            case "uint": return AbiType.UInt256;
            case "int": return AbiType.Int(256);
        }

        if (identifier.StartsWith("uint", StringComparison.Ordinal))
        {
            var size = Suffix(identifier, 4, "uint<M> needs M to be a multiple of 8 from 8 to 256");
            return Wrap(() => AbiType.UInt(size));
        }

        if (identifier.StartsWith("int", StringComparison.Ordinal))
        {
            var size = Suffix(identifier, 3, "int<M> needs M to be a multiple of 8 from 8 to 256");
            return Wrap(() => AbiType.Int(size));
        }

        if (identifier.StartsWith("bytes", StringComparison.Ordinal))
        {
            var size = Suffix(identifier, 5, "bytes<M> needs M from 1 to 32");
            return Wrap(() => AbiType.FixedBytes(size));
        }

        if (identifier.StartsWith("fixed", StringComparison.Ordinal) || identifier.StartsWith("ufixed", StringComparison.Ordinal) || identifier == "function")
        {
            throw Error($"'{identifier}' is not supported: fixed-point and function types are not implemented");
        }

        throw Error($"'{identifier}' is not an ABI type (expected uint<M>, int<M>, address, bool, bytes<M>, bytes, string or a tuple)");
    }

    private int Suffix(string identifier, int prefixLength, string rule)
    {
        var digits = identifier.AsSpan(prefixLength);
        if (digits.Length is 0 or > 3 || digits[0] == '0' || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"'{identifier}' is not a valid ABI type: {rule}");
        }

        return value;
    }

    private T Wrap<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (AbiException ex)
        {
            throw Error(ex.Message.TrimEnd('.'));
        }
    }

    private char? Peek() => _position < _text.Length ? _text[_position] : null;

    private char? PeekAfterWhitespace()
    {
        SkipWhitespace();
        return Peek();
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private string Describe() => _position < _text.Length ? $"'{_text[_position]}'" : "the end of the text";

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '$';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
}
