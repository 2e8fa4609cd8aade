namespace Keeper.Chain.Beacon.Ssz;

/// <summary>One field of a container, named as the consensus spec names it (<c>withdrawal_credentials</c>).</summary>
/// <param name="Name">The spec's field name.</param>
/// <param name="Type">The field's type.</param>
public sealed record SszField(string Name, SszType Type);
