using Keeper.Chain.Contracts.RocketPool;

namespace Keeper.Actors.Tracking;

/// <summary>The immutable state of one legacy minipool's tracker.</summary>
/// <param name="State">The minipool as last read.</param>
/// <param name="AsOfBlock">The block of that read.</param>
public sealed record MinipoolTrackingState(MinipoolState State, ulong AsOfBlock)
{
    /// <summary>
    /// A minipool in prelaunch may be dissolved once <c>block.timestamp - statusTime &gt;= launchTimeout</c>
    /// (at or after), so the first valid block timestamp is exactly <c>statusTime + launchTimeout</c>.
    /// </summary>
    public Duty? Duty(TrackingSettings settings) =>
        State.Status == MinipoolStatus.Prelaunch
            ? new Duty(TaskKeys.DissolveMinipool(State.Minipool), DutyKind.DissolveMinipool, State.Minipool, null, State.StatusTime + settings.LaunchTimeout)
            : null;
}
