namespace Keeper.Host.Configuration.Hocon;

/// <summary>An array.</summary>
public sealed class HoconArray(HoconOrigin origin, IReadOnlyList<HoconValue> items) : HoconValue(origin)
{
    /// <summary>The elements in order.</summary>
    public IReadOnlyList<HoconValue> Items { get; } = items;

    /// <inheritdoc/>
    public override bool IsResolved => Items.All(item => item.IsResolved);

    /// <inheritdoc/>
    public override string KindName => "an array";
}
