using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

/// <summary>Deep comparison of decoded ABI values, reporting the path of the first difference.</summary>
internal static class AbiValueAssert
{
    public static void Equal(object? expected, object? actual, string path = "value")
    {
        switch (expected)
        {
            case object?[] expectedItems:
                var actualItems = Assert.IsType<object?[]>(actual);
                Assert.True(expectedItems.Length == actualItems.Length, $"{path}: expected {expectedItems.Length} items, got {actualItems.Length}");
                for (var i = 0; i < expectedItems.Length; i++)
                {
                    Equal(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                break;
            case byte[] expectedBytes:
                var actualBytes = Assert.IsType<byte[]>(actual);
                Assert.True(expectedBytes.AsSpan().SequenceEqual(actualBytes), $"{path}: expected {Hex.Encode(expectedBytes)}, got {Hex.Encode(actualBytes)}");
                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected} ({expected?.GetType().Name}), got {actual} ({actual?.GetType().Name})");
                break;
        }
    }

    public static void SequenceEqual(IReadOnlyList<object?> expected, IReadOnlyList<object?> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], $"value {i}");
        }
    }

    public static string Describe(IEnumerable<AbiType> types) => "(" + string.Join(",", types) + ")";
}
