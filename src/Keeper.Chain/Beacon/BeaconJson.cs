using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon;

/// <summary>
/// Strict readers for beacon API JSON. Each takes the object, the property name and the object's JSON path, and
/// throws a malformed-answer <see cref="BeaconAttemptException"/> naming the full field path when the property is
/// missing, has the wrong JSON type or an out-of-range value. Nothing is ever defaulted.
/// </summary>
internal static class BeaconJson
{
    private const int ShownValueLength = 48;

    /// <summary>The field path of <paramref name="name"/> inside the object at <paramref name="path"/>.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The field path of element <paramref name="index"/> of the array at <paramref name="path"/>.</summary>
    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Requires <paramref name="element"/> (found at <paramref name="path"/>) to be a JSON object.</summary>
    public static JsonElement RequireObject(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw WrongType(path, "a JSON object", element);

    /// <summary>A required property of any type.</summary>
    public static JsonElement Property(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw BeaconAttemptException.Malformed(Join(path, name), "is missing");
        }

        return value;
    }

    /// <summary>A required property that is a JSON object.</summary>
    public static JsonElement Object(JsonElement obj, string name, string path) => RequireObject(Property(obj, name, path), Join(path, name));

    /// <summary>A required property that is a JSON array.</summary>
    public static JsonElement Array(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        return value.ValueKind == JsonValueKind.Array ? value : throw WrongType(Join(path, name), "a JSON array", value);
    }

    /// <summary>A required non-empty string.</summary>
    public static string String(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(Join(path, name), "a string", value);
        }

        var text = value.GetString()!;
        return text.Length > 0 ? text : throw BeaconAttemptException.Malformed(Join(path, name), "is an empty string");
    }

    /// <summary>A required boolean.</summary>
    public static bool Boolean(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(Join(path, name), "true or false", value),
        };
    }

    /// <summary>An optional boolean: null when absent (the API's "not present" for <c>finalized</c>), strict when present.</summary>
    public static bool? OptionalBoolean(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out _) ? Boolean(obj, name, path) : null;

    /// <summary>A required uint64 written as a decimal string, as the beacon API writes every integer.</summary>
    public static ulong UInt64(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(Join(path, name), "a decimal string", value);
        }

        return ParseUInt64(value.GetString()!, Join(path, name));
    }

    /// <summary>Parses a decimal uint64 string (digits only: no sign, space or exponent).</summary>
    public static ulong ParseUInt64(string text, string field)
    {
        if (text.Length == 0 || text.Length > 20 || !text.All(char.IsAsciiDigit))
        {
            throw BeaconAttemptException.Malformed(field, $"is not a decimal uint64 string: {Show(text)}");
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw BeaconAttemptException.Malformed(field, $"does not fit in a uint64: {Show(text)}");
    }

    /// <summary>A required epoch; <c>FAR_FUTURE_EPOCH</c> (2^64-1) means "not set" and reads as null.</summary>
    public static ulong? Epoch(JsonElement obj, string name, string path)
    {
        var epoch = UInt64(obj, name, path);
        return epoch == BeaconTime.FarFutureEpoch ? null : epoch;
    }

    /// <summary>A required 32-byte root: <c>0x</c> and 64 hex digits.</summary>
    public static Hash32 Root(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path);
        return Hash32.TryParse(text, out var root)
            ? root
            : throw BeaconAttemptException.Malformed(Join(path, name), $"is not 0x followed by 64 hex digits: {Show(text)}");
    }

    /// <summary>A required validator public key: <c>0x</c> and 96 hex digits.</summary>
    public static ValidatorPubkey Pubkey(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path);
        return ValidatorPubkey.TryParse(text, out var pubkey)
            ? pubkey
            : throw BeaconAttemptException.Malformed(Join(path, name), $"is not 0x followed by 96 hex digits: {Show(text)}");
    }

    /// <summary>A required 4-byte fork version, read big-endian.</summary>
    public static uint ForkVersion(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path);
        if (text.Length != 10 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var bytes))
        {
            throw BeaconAttemptException.Malformed(Join(path, name), $"is not 0x followed by 8 hex digits: {Show(text)}");
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    /// <summary>A malformed-answer failure for a value of the wrong JSON type.</summary>
    public static BeaconAttemptException WrongType(string field, string expected, JsonElement actual) =>
        BeaconAttemptException.Malformed(field, $"should be {expected} but is {Describe(actual)}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => $"{value.ValueKind.ToString().ToLowerInvariant()} {Show(value.GetRawText())}",
    };

    private static string Show(string text) => text.Length <= ShownValueLength ? $"'{text}'" : $"'{text[..ShownValueLength]}...'";
}
