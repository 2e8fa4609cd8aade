using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.GoGoPool;

/// <summary>Asks the <see cref="GoGoPoolRegistry"/> for its board; it replies <see cref="GoGoPoolStatus"/>.</summary>
public sealed record GetGoGoPoolStatus
{
    /// <summary>The one instance.</summary>
    public static GetGoGoPoolStatus Instance { get; } = new();
}

/// <summary>The registry tells a tracker the settings changed (or were read for the first time).</summary>
/// <param name="Settings">The settings.</param>
public sealed record GoGoSettingsChanged(GoGoPoolSettings Settings);

/// <summary>The registry tells a tracker the chain's time: the new head's timestamp.</summary>
/// <param name="Time">The head's timestamp, in Unix seconds.</param>
public sealed record GoGoChainTime(ulong Time);

/// <summary>The registry tells a tracker that blocks after <paramref name="CommonAncestor"/> were dropped; re-reads follow.</summary>
/// <param name="CommonAncestor">The newest block both chains hold.</param>
public sealed record GoGoReorgNoted(ulong CommonAncestor);

/// <summary>A tracker tells its parent an alert became active.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="First">
/// True the first time its key is raised in this run; false when a reorg brought back a status episode whose alert was
/// already raised and cleared (the board shows it again, but it is neither logged nor counted again).
/// </param>
public sealed record GoGoAlertRaised(GoGoAlert Alert, bool First);

/// <summary>A tracker tells its parent an alert ended: the minipool's status changed.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Reason">What changed, for the log.</param>
public sealed record GoGoAlertCleared(GoGoAlert Alert, string Reason);

/// <summary>A tracker tells its parent how its minipool looks now.</summary>
/// <param name="View">The view.</param>
public sealed record GoGoMinipoolViewChanged(GoGoMinipoolView View);

/// <summary>A tracker tells its parent that a read moved its minipool in a way GoGoPool does not allow in one step.</summary>
/// <param name="NodeId">The minipool.</param>
/// <param name="Kind"><see cref="GoGoTransitionKind.Forbidden"/> or <see cref="GoGoTransitionKind.Skipped"/>.</param>
/// <param name="Path">The statuses passed through, both ends included.</param>
/// <param name="Block">The block of the read.</param>
public sealed record GoGoTransitionIrregular(Address NodeId, GoGoTransitionKind Kind, IReadOnlyList<GoGoMinipoolStatus> Path, ulong Block);
