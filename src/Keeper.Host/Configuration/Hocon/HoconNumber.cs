namespace Keeper.Host.Configuration.Hocon;

/// <summary>A number, kept as written so that concatenation and paths reproduce it exactly (HOCON.md).</summary>
public sealed class HoconNumber(HoconOrigin origin, string text) : HoconScalar(origin)
{
    /// <inheritdoc/>
    public override string Text { get; } = text;

    /// <inheritdoc/>
    public override string KindName => "a number";
}
