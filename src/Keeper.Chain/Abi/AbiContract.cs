using System.Text.Json;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Abi;

/// <summary>
/// A contract interface read from solc's JSON ABI: its functions, events and custom errors, looked up by name or,
/// when a name is overloaded, by signature. Immutable and thread-safe.
/// </summary>
public sealed class AbiContract
{
    /// <summary>Creates a contract interface from its parts.</summary>
    public AbiContract(IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(errors);
        Functions = functions.ToArray();
        Events = events.ToArray();
        Errors = errors.ToArray();
    }

    /// <summary>The functions, in the order of the ABI.</summary>
    public IReadOnlyList<AbiFunction> Functions { get; }

    /// <summary>The events, in the order of the ABI.</summary>
    public IReadOnlyList<AbiEvent> Events { get; }

    /// <summary>The custom errors, in the order of the ABI; pass them to <see cref="RevertDecoder.Decode"/>.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>
    /// Reads a JSON ABI: an array of entries as solc emits it, or an artifact object with such an array under
    /// <c>"abi"</c>. Functions (with <c>"components"</c> for tuples), events (<c>"indexed"</c>, <c>"anonymous"</c>)
    /// and errors are kept; the constructor, fallback and receive entries are skipped, as they cannot be called by name.
    /// </summary>
    /// <exception cref="AbiException">The JSON is not a valid ABI; the message names the entry and what is wrong.</exception>
    public static AbiContract FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AbiException($"The JSON ABI is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    /// <summary>Reads a JSON ABI from a parsed element; see <see cref="FromJson(string)"/>.</summary>
    /// <exception cref="AbiException">The JSON is not a valid ABI.</exception>
    public static AbiContract FromJson(JsonElement json)
    {
        var (functions, events, errors) = AbiJsonReader.Read(json);
        return new AbiContract(functions, events, errors);
    }

    /// <summary>
    /// The function named <paramref name="nameOrSignature"/>, or, when it contains '(', the function with that signature
    /// (<c>set(uint256)</c>; <c>uint</c> is accepted for <c>uint256</c>).
    /// </summary>
    /// <exception cref="AbiException">There is no such function, or the name is overloaded and needs a signature.</exception>
    public AbiFunction Function(string nameOrSignature) =>
        Find(Functions, nameOrSignature, "function", f => f.Name, f => f.Signature, s => AbiFunction.Parse(s).Signature);

    /// <summary>The event named <paramref name="nameOrSignature"/>, or with that signature when it contains '('.</summary>
    /// <exception cref="AbiException">There is no such event, or the name is overloaded and needs a signature.</exception>
    public AbiEvent Event(string nameOrSignature) =>
        Find(Events, nameOrSignature, "event", e => e.Name, e => e.Signature, s => AbiEvent.Parse(s).Signature);

    /// <summary>The custom error named <paramref name="nameOrSignature"/>, or with that signature when it contains '('.</summary>
    /// <exception cref="AbiException">There is no such error, or the name is overloaded and needs a signature.</exception>
    public AbiError Error(string nameOrSignature) =>
        Find(Errors, nameOrSignature, "error", e => e.Name, e => e.Signature, s => AbiError.Parse(s).Signature);

    /// <summary>The function whose selector starts <paramref name="calldata"/>, or null when none matches.</summary>
    public AbiFunction? FindFunction(ReadOnlySpan<byte> calldata)
    {
        foreach (var function in Functions)
        {
            if (function.Matches(calldata))
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>The non-anonymous event whose <see cref="AbiEvent.Topic0"/> is <paramref name="topic0"/>, or null when none matches.</summary>
    public AbiEvent? FindEvent(Hash32 topic0) => Events.FirstOrDefault(e => !e.Anonymous && e.Topic0 == topic0);

    private static T Find<T>(IReadOnlyList<T> items, string nameOrSignature, string what, Func<T, string> name, Func<T, string> signature, Func<string, string> canonicalize)
    {
        ArgumentNullException.ThrowIfNull(nameOrSignature);
        if (nameOrSignature.Contains('(', StringComparison.Ordinal))
        {
            var wanted = canonicalize(nameOrSignature);
            return items.FirstOrDefault(i => string.Equals(signature(i), wanted, StringComparison.Ordinal))
                ?? throw new AbiException($"The contract has no {what} {wanted}; its {what}s are: {List(items, signature)}.");
        }

        var matches = items.Where(i => string.Equals(name(i), nameOrSignature, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new AbiException($"The contract has no {what} named '{nameOrSignature}'; its {what}s are: {List(items, signature)}."),
            _ => throw new AbiException(
                $"The {what} name '{nameOrSignature}' is overloaded ({string.Join(", ", matches.Select(signature))}); ask for one by its signature, e.g. {what.ToUpperInvariant()[0]}{what[1..]}(\"{signature(matches[0])}\")."),
        };
    }

    private static string List<T>(IReadOnlyList<T> items, Func<T, string> signature) =>
        items.Count == 0 ? "(none)" : string.Join(", ", items.Select(signature));
}
