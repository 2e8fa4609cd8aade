using System.Collections.Concurrent;
using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts;

/// <summary>The <c>[Parameter]</c> properties of a Nethereum DTO or tuple class in ABI order, read once per type.</summary>
internal static class DtoLayout
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Layouts = new();

    /// <summary>The properties of <paramref name="type"/> that carry a <c>[Parameter]</c>, by their order.</summary>
    public static PropertyInfo[] Of(Type type) => Layouts.GetOrAdd(type, static t =>
        [.. t.GetProperties()
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(x => x.Attribute is not null)
            .OrderBy(x => x.Attribute!.Order)
            .Select(x => x.Property)]);
}
