namespace Keeper.Host.Configuration.Hocon;

/// <summary>The literal <c>null</c>; setting a key to null also stops object merging and environment fallback.</summary>
public sealed class HoconNull(HoconOrigin origin) : HoconScalar(origin)
{
    /// <inheritdoc/>
    public override string Text => "null";

    /// <inheritdoc/>
    public override string KindName => "null";
}
