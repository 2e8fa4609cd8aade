namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Values written side by side on one line that involve a substitution (HOCON.md "Value concatenation"):
/// resolving joins strings, appends arrays or merges objects. Whitespace between parts is kept as string parts.
/// </summary>
public sealed class HoconConcatenation(HoconOrigin origin, IReadOnlyList<HoconValue> parts) : HoconValue(origin)
{
    /// <summary>The parts in order.</summary>
    public IReadOnlyList<HoconValue> Parts { get; } = parts;

    /// <inheritdoc/>
    public override bool IsResolved => false;

    /// <inheritdoc/>
    public override string KindName => "a concatenation";
}
