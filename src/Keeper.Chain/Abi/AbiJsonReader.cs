using System.Text.Json;

namespace Keeper.Chain.Abi;

/// <summary>Reads solc's JSON ABI (the "Contract ABI Specification", section JSON) into functions, events and errors.</summary>
internal static class AbiJsonReader
{
    public static (List<AbiFunction> Functions, List<AbiEvent> Events, List<AbiError> Errors) Read(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("abi", out var abi))
        {
            root = abi;
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new AbiException($"A JSON ABI must be an array of entries (or an artifact object with an \"abi\" array); got a JSON {root.ValueKind}.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            var kind = "entry";
            try
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new AbiException($"expected a JSON object, got a JSON {entry.ValueKind}");
                }

                // solc documents that "type" may be omitted for functions.
                kind = OptionalString(entry, "type") ?? "function";
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(RequiredString(entry, "name"), Parameters(entry, "inputs", false), Parameters(entry, "outputs", false), Mutability(entry)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(RequiredString(entry, "name"), Parameters(entry, "inputs", true), OptionalBool(entry, "anonymous")));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequiredString(entry, "name"), Parameters(entry, "inputs", false)));
                        break;
                    case "constructor" or "fallback" or "receive":
                        // Not callable by name and without outputs: nothing a keeper encodes or decodes.
                        break;
                    default:
                        throw new AbiException($"unknown entry type '{kind}' (expected function, event, error, constructor, fallback or receive)");
                }
            }
            catch (Exception ex) when (ex is AbiException or InvalidOperationException)
            {
                var name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                throw new AbiException($"JSON ABI entry {index} ({kind}{(name is null ? string.Empty : " '" + name + "'")}): {ex.Message.TrimEnd('.')}.", ex);
            }

            index++;
        }

        return (functions, events, errors);
    }

    private static List<AbiParameter> Parameters(JsonElement entry, string property, bool allowIndexed)
    {
        var parameters = new List<AbiParameter>();
        if (!entry.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return parameters;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new AbiException($"\"{property}\" must be an array");
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            try
            {
                parameters.Add(Parameter(item, allowIndexed, 0));
            }
            catch (AbiException ex)
            {
                throw new AbiException($"{property}[{i}]: {ex.Message.TrimEnd('.')}", ex);
            }

            i++;
        }

        return parameters;
    }

    private static AbiParameter Parameter(JsonElement item, bool allowIndexed, int depth)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new AbiException($"a parameter must be a JSON object, got a JSON {item.ValueKind}");
        }

        if (depth > AbiType.MaxNestingDepth)
        {
            throw new AbiException($"components nest more than {AbiType.MaxNestingDepth} levels deep");
        }

        var name = OptionalString(item, "name");
        var typeText = RequiredString(item, "type");
        var indexed = OptionalBool(item, "indexed");
        if (indexed && !allowIndexed)
        {
            throw new AbiException($"parameter '{name}' is marked indexed, which only event inputs can be");
        }

        if (!typeText.StartsWith("tuple", StringComparison.Ordinal))
        {
            return new AbiParameter(name, AbiType.Parse(typeText), indexed);
        }

        var suffix = typeText["tuple".Length..];
        if (suffix.Length > 0 && suffix[0] != '[')
        {
            throw new AbiException($"type '{typeText}' is not 'tuple' followed by array suffixes such as [] or [2]");
        }

        if (!item.TryGetProperty("components", out var componentList) || componentList.ValueKind != JsonValueKind.Array)
        {
            throw new AbiException($"parameter '{name}' of type '{typeText}' needs a \"components\" array");
        }

        var components = new List<AbiParameter>();
        foreach (var component in componentList.EnumerateArray())
        {
            components.Add(Parameter(component, allowIndexed: false, depth + 1));
        }

        if (components.Count == 0)
        {
            throw new AbiException($"parameter '{name}' of type '{typeText}' has no components; a tuple needs at least one");
        }

        var tuple = AbiType.Tuple(components.Select(c => c.Type).ToArray());
        return new AbiParameter(name, AbiType.Parse(tuple.CanonicalName + suffix), indexed, components);
    }

    private static string Mutability(JsonElement entry)
    {
        if (OptionalString(entry, "stateMutability") is { } mutability)
        {
            return mutability;
        }

        // Before solc 0.4.16 the ABI had "constant" and "payable" flags instead.
        if (OptionalBool(entry, "constant"))
        {
            return "view";
        }

        return OptionalBool(entry, "payable") ? "payable" : "nonpayable";
    }

    private static string RequiredString(JsonElement element, string property) =>
        OptionalString(element, property) ?? throw new AbiException($"missing \"{property}\"");

    private static string? OptionalString(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AbiException($"\"{property}\" must be a string, got a JSON {value.ValueKind}");
    }

    private static bool OptionalBool(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AbiException($"\"{property}\" must be true or false, got a JSON {value.ValueKind}"),
        };
    }
}
