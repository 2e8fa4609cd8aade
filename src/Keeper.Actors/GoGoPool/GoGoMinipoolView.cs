using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.GoGoPool;

/// <summary>A tracked GoGoPool minipool as the status board shows it.</summary>
/// <param name="NodeId">Its node ID.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="Status">Its status.</param>
/// <param name="StatusSince">When it entered the status, or null when not seen (first read by a cold start or re-read).</param>
/// <param name="CycleEnd">When its validation cycle ends (Launched or Staking, once the settings are read), else null.</param>
/// <param name="Alerts">The keys of its active alerts.</param>
public sealed record GoGoMinipoolView(Address NodeId, Address Owner, GoGoMinipoolStatus Status, ulong? StatusSince, ulong? CycleEnd, IReadOnlyList<string> Alerts)
{
    /// <summary>Equal when every field is, the alert keys compared in order.</summary>
    public bool Equals(GoGoMinipoolView? other) =>
        other is not null && NodeId == other.NodeId && Owner == other.Owner && Status == other.Status && StatusSince == other.StatusSince
        && CycleEnd == other.CycleEnd && Alerts.SequenceEqual(other.Alerts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NodeId, Status, StatusSince, CycleEnd, Alerts.Count);
}
