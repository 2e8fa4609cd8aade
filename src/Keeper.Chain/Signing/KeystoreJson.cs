using System.Globalization;
using System.Text.Json;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Signing;

/// <summary>Typed reads from a keystore's JSON, each failing with a <see cref="KeystoreException"/> that names the field path.</summary>
internal static class KeystoreJson
{
    /// <summary>Finds a member by name, ignoring case ("crypto" and "Crypto" both occur in the wild).</summary>
    public static JsonElement? Find(JsonElement parent, string name, string path)
    {
        JsonElement? found = null;
        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    throw new KeystoreException($"Keystore field '{path}' appears more than once (names are matched ignoring case); remove the duplicate.");
                }

                found = property.Value;
            }
        }

        return found;
    }

    public static JsonElement Required(JsonElement parent, string name, string path) =>
        Find(parent, name, path) ?? throw new KeystoreException($"Keystore field '{path}' is missing.");

    public static JsonElement Object(JsonElement parent, string name, string path)
    {
        var element = Required(parent, name, path);
        return element.ValueKind == JsonValueKind.Object
            ? element
            : throw new KeystoreException($"Keystore field '{path}' must be a JSON object; it is {element.ValueKind}.");
    }

    public static string String(JsonElement parent, string name, string path)
    {
        var element = Required(parent, name, path);
        return element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new KeystoreException($"Keystore field '{path}' must be a string; it is {element.ValueKind}.");
    }

    public static int Int(JsonElement parent, string name, string path)
    {
        var element = Required(parent, name, path);
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw new KeystoreException($"Keystore field '{path}' must be an integer that fits in 32 bits; it is {Describe(element)}.");
    }

    public static byte[] HexBytes(JsonElement parent, string name, string path, int? expectedLength = null)
    {
        var text = String(parent, name, path);
        if (!Hex.TryDecode(text, out var bytes))
        {
            throw new KeystoreException($"Keystore field '{path}' must be hex; it is not.");
        }

        if (expectedLength is { } length && bytes.Length != length)
        {
            throw new KeystoreException($"Keystore field '{path}' must be {length} bytes; it is {bytes.Length}.");
        }

        return bytes;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => string.Create(CultureInfo.InvariantCulture, $"the string \"{element.GetString()}\""),
        _ => element.ValueKind.ToString(),
    };
}
