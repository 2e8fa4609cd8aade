using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>One minipool the devnet seeds, with the alert it must raise (or none).</summary>
/// <param name="Case">What it is there to show.</param>
/// <param name="NodeId">Its node ID.</param>
/// <param name="OwnerIndex">Which of the plan's owners owns it (0: the operator's own, listed in keeper.gogopool.owners; 1: another's).</param>
/// <param name="Status">The status it is seeded in.</param>
/// <param name="SeedTime">The timestamp of the block that seeds it (each in a block of its own at a planned time, so a Launched one's status log time is known).</param>
/// <param name="Duration">The validation period asked for.</param>
/// <param name="CreationTime">Its creation time.</param>
/// <param name="StartTime">Its cycle's start (0 if never staked).</param>
/// <param name="EndTime">Its last cycle's end (0 if none).</param>
/// <param name="ErrorCode">Its error code (Error, Canceled), or empty.</param>
/// <param name="AlertKind">The alert it must raise (<see cref="GoGoPoolAlertKind"/>), or null for a control.</param>
/// <param name="AlertAfter">The boundary: the alert is due in the first block whose timestamp is strictly after it (0 for an Error: at once).</param>
/// <param name="EpisodeTime">When the status it is alerted in began, the last part of its alert key.</param>
public sealed record GoGoPoolPlannedMinipool(
    GoGoPoolSeedCase Case,
    Address NodeId,
    int OwnerIndex,
    GoGoMinipoolStatus Status,
    ulong SeedTime,
    ulong Duration,
    ulong CreationTime,
    ulong StartTime,
    ulong EndTime,
    string ErrorCode,
    string? AlertKind,
    ulong AlertAfter,
    ulong EpisodeTime)
{
    /// <summary>
    /// The key of the alert it must raise (<c>&lt;kind&gt;:&lt;nodeId&gt;:&lt;status&gt;:&lt;episode time&gt;</c>), or null for
    /// a control.
    /// </summary>
    public string? AlertKey => AlertKind is null ? null : GoGoPoolAlertKeys.Format(AlertKind, NodeId, Status, EpisodeTime);
}
