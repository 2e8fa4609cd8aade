namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Successive definitions of one key that cannot be merged until substitutions are resolved, oldest first
/// (<c>foo = { a = 1 }</c> then <c>foo = ${foo} { b = 2 }</c>). A self-reference in a layer sees the layers below it.
/// </summary>
internal sealed class HoconMerge(HoconOrigin origin, IReadOnlyList<HoconValue> layers) : HoconValue(origin)
{
    /// <summary>The definitions, oldest first.</summary>
    public IReadOnlyList<HoconValue> Layers { get; } = layers;

    /// <inheritdoc/>
    public override bool IsResolved => false;

    /// <inheritdoc/>
    public override string KindName => "a merge of definitions";
}
