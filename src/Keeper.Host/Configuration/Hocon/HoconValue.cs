namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// A node of the HOCON value tree. Parsing yields a tree that may hold substitutions and concatenations;
/// resolving it (<see cref="HoconResolver"/>) yields one made only of objects, arrays and scalars.
/// </summary>
public abstract class HoconValue
{
    /// <summary>Creates a value written at <paramref name="origin"/>.</summary>
    protected HoconValue(HoconOrigin origin) => Origin = origin;

    /// <summary>Where the value was written.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>False while the value still depends on substitutions.</summary>
    public abstract bool IsResolved { get; }

    /// <summary>What kind of value this is, for error messages ("a string", "an object").</summary>
    public abstract string KindName { get; }
}
