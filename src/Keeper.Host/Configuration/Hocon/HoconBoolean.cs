namespace Keeper.Host.Configuration.Hocon;

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
public sealed class HoconBoolean(HoconOrigin origin, bool value) : HoconScalar(origin)
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc/>
    public override string Text => Value ? "true" : "false";

    /// <inheritdoc/>
    public override string KindName => "a boolean";
}
