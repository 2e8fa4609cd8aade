using System.Numerics;

namespace Keeper.Chain.Abi;

/// <summary>
/// A decoded event log: the event and one value per parameter in declaration order (see <see cref="AbiEvent.Decode(IReadOnlyList{Keeper.Chain.Primitives.Hash32}, ReadOnlySpan{byte})"/>
/// for the values of indexed parameters).
/// </summary>
/// <param name="Event">The event the log was decoded as.</param>
/// <param name="Values">One value per <see cref="AbiEvent.Parameters"/> entry, in the same order.</param>
public sealed record DecodedEvent(AbiEvent Event, object?[] Values)
{
    // Explicit BigInteger conversions throw OverflowException when the value does not fit.
    private static readonly Dictionary<Type, Func<BigInteger, object>> SmallIntegers = new()
    {
        [typeof(int)] = n => (int)n,
        [typeof(long)] = n => (long)n,
        [typeof(uint)] = n => (uint)n,
        [typeof(ulong)] = n => (ulong)n,
        [typeof(short)] = n => (short)n,
        [typeof(ushort)] = n => (ushort)n,
        [typeof(byte)] = n => (byte)n,
        [typeof(sbyte)] = n => (sbyte)n,
    };

    /// <summary>The value of the parameter named <paramref name="name"/>.</summary>
    /// <exception cref="AbiException">The event has no parameter of that name.</exception>
    public object? this[string name] => Values[IndexOf(name)];

    /// <summary>
    /// The value of the parameter named <paramref name="name"/> as <typeparamref name="T"/>. Integer values (decoded as
    /// <see cref="BigInteger"/>) may also be read as <see cref="int"/>, <see cref="long"/>, <see cref="uint"/>,
    /// <see cref="ulong"/>, <see cref="short"/>, <see cref="ushort"/>, <see cref="byte"/> or <see cref="sbyte"/> when they fit.
    /// </summary>
    /// <exception cref="AbiException">There is no such parameter, or its value is not a <typeparamref name="T"/> (or does not fit one).</exception>
    public T Get<T>(string name) => ValueAs<T>(IndexOf(name));

    /// <summary>The value of parameter <paramref name="index"/> as <typeparamref name="T"/>; see <see cref="Get{T}(string)"/>.</summary>
    /// <exception cref="AbiException">The index is out of range, or the value is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(int index)
    {
        if (index < 0 || index >= Values.Length)
        {
            throw new AbiException($"Event {Event.Signature} has parameters 0..{Values.Length - 1}; there is no parameter {index}.");
        }

        return ValueAs<T>(index);
    }

    /// <summary>A readable form, e.g. <c>Transfer(from=0x..., to=0x..., value=5)</c>.</summary>
    public override string ToString() => $"{Event.Name}({AbiValueFormatter.FormatArguments(Event.Parameters, Values)})";

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < Event.Parameters.Count; i++)
        {
            if (string.Equals(Event.Parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var names = string.Join(", ", Event.Parameters.Select(p => p.Name.Length == 0 ? "(unnamed)" : p.Name));
        throw new AbiException($"Event {Event.Signature} has no parameter named '{name}'; its parameters are: {names}.");
    }

    private T ValueAs<T>(int index)
    {
        var value = Values[index];
        if (value is T typed)
        {
            return typed;
        }

        var parameter = Event.Parameters[index];
        var label = parameter.Name.Length == 0 ? $"parameter {index}" : $"parameter '{parameter.Name}'";
        if (value is BigInteger number && SmallIntegers.TryGetValue(typeof(T), out var narrow))
        {
            try
            {
                return (T)narrow(number);
            }
            catch (OverflowException)
            {
                throw new AbiException($"{label} of {Event.Signature} ({parameter.Type}) is {number}, which does not fit in a {typeof(T).Name}; read it as a BigInteger.");
            }
        }

        throw new AbiException($"{label} of {Event.Signature} ({parameter.Type}) holds a {value?.GetType().Name ?? "null"}, not a {typeof(T).Name}.");
    }
}
