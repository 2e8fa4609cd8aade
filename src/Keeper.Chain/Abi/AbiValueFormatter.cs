using System.Globalization;
using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Abi;

/// <summary>Readable text for decoded ABI values, for ToString() and log messages.</summary>
internal static class AbiValueFormatter
{
    private const int MaxItems = 16;

    public static string Format(object? value) => value switch
    {
        null => "null",
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Hex.Encode(bytes),
        string text => "\"" + AbiType.Abbreviate(text) + "\"",
        bool flag => flag ? "true" : "false",
        object?[] items => "[" + string.Join(", ", items.Take(MaxItems).Select(Format)) + (items.Length > MaxItems ? $", ... ({items.Length} items)" : string.Empty) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>"name=value, name=value", or positional values where a parameter is unnamed.</summary>
    public static string FormatArguments(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        string.Join(", ", values.Select((v, i) => i < parameters.Count && parameters[i].Name.Length > 0 ? $"{parameters[i].Name}={Format(v)}" : Format(v)));
}
