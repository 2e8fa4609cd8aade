namespace Keeper.Chain.Abi;

/// <summary>
/// A named, typed parameter of a function, event or error. Names are not part of the encoding; they serve lookups
/// such as <see cref="DecodedEvent.Get{T}(string)"/> and readable messages.
/// </summary>
public sealed class AbiParameter
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">The parameter name; null or empty when unnamed.</param>
    /// <param name="type">The parameter type.</param>
    /// <param name="indexed">True for an event parameter stored in a log topic.</param>
    /// <param name="components">
    /// Optional names (and types) of the tuple components when <paramref name="type"/> is a tuple or an array of tuples;
    /// their types must match the tuple's component types.
    /// </param>
    /// <exception cref="AbiException">The components do not match the type.</exception>
    public AbiParameter(string? name, AbiType type, bool indexed = false, IReadOnlyList<AbiParameter>? components = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        Name = name ?? string.Empty;
        Type = type;
        Indexed = indexed;
        Components = components is null || components.Count == 0 ? [] : CheckComponents(Name, type, components);
    }

    /// <summary>The parameter name, or an empty string when unnamed.</summary>
    public string Name { get; }

    /// <summary>The parameter type.</summary>
    public AbiType Type { get; }

    /// <summary>True for an event parameter whose value is stored in a log topic rather than in the log data.</summary>
    public bool Indexed { get; }

    /// <summary>
    /// The named components of the tuple inside <see cref="Type"/> (the type itself, or the element type of an array of
    /// tuples, at any depth); empty when the type holds no tuple or the components were not named.
    /// </summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>A readable form such as <c>uint256 indexed value</c>.</summary>
    public override string ToString()
    {
        var text = Type.CanonicalName;
        if (Indexed)
        {
            text += " indexed";
        }

        return Name.Length == 0 ? text : text + " " + Name;
    }

    private static AbiParameter[] CheckComponents(string name, AbiType type, IReadOnlyList<AbiParameter> components)
    {
        var tuple = type;
        while (tuple.ElementType is not null)
        {
            tuple = tuple.ElementType;
        }

        if (tuple.Kind != AbiTypeKind.Tuple)
        {
            throw new AbiException($"Parameter '{name}' of type {type} has component names, but its type holds no tuple.");
        }

        if (tuple.Components.Count != components.Count)
        {
            throw new AbiException($"Parameter '{name}' of type {type} names {components.Count} components, but its tuple has {tuple.Components.Count}.");
        }

        for (var i = 0; i < components.Count; i++)
        {
            if (components[i] is null || components[i].Type != tuple.Components[i])
            {
                throw new AbiException($"Parameter '{name}' of type {type}: component {i} is declared as {components[i]?.Type.CanonicalName ?? "null"}, but the tuple's component {i} is {tuple.Components[i]}.");
            }
        }

        return components.ToArray();
    }
}
