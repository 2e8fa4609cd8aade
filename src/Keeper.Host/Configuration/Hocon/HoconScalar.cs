namespace Keeper.Host.Configuration.Hocon;

/// <summary>A simple value (string, number, boolean or null): it takes part in string concatenation.</summary>
public abstract class HoconScalar : HoconValue
{
    /// <summary>Creates a scalar written at <paramref name="origin"/>.</summary>
    protected HoconScalar(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc/>
    public override bool IsResolved => true;

    /// <summary>
    /// The text the value contributes to a concatenation (HOCON.md "String value concatenation"):
    /// numbers as written, booleans and null as their keywords.
    /// </summary>
    public abstract string Text { get; }
}
