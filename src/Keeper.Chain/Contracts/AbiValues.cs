using System.Collections;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding;

namespace Keeper.Chain.Contracts;

/// <summary>
/// Values Nethereum decodes without a DTO (<see cref="ParameterOutput"/> lists), in the shapes the keeper uses
/// elsewhere: an address as <see cref="Address"/>, a tuple or an array as <c>object?[]</c>. Used where the ABI is only
/// known at run time (custom errors, the compiled test contracts).
/// </summary>
public static class AbiValues
{
    /// <summary>The results of <paramref name="outputs"/> in parameter order, converted.</summary>
    public static object?[] FromOutputs(IEnumerable<ParameterOutput> outputs) =>
        [.. outputs.OrderBy(o => o.Parameter.Order).Select(o => FromResult(o.Parameter.Type, o.Result))];

    /// <summary>One decoded value of ABI type <paramref name="abiType"/>, converted.</summary>
    public static object? FromResult(string abiType, object? value) => value switch
    {
        IEnumerable<ParameterOutput> tuple => FromOutputs(tuple),
        string text when abiType == "address" => Address.Parse(text),
        IList items when abiType.EndsWith(']') => items.Cast<object?>().Select(i => FromResult(ElementType(abiType), i)).ToArray(),
        _ => value,
    };

    private static string ElementType(string arrayType) => arrayType[..arrayType.LastIndexOf('[')];
}
