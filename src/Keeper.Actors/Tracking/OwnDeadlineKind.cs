namespace Keeper.Actors.Tracking;

/// <summary>What an operator must do by an <see cref="OwnDeadline"/>.</summary>
public enum OwnDeadlineKind
{
    /// <summary>Stake a prestaked validator, or anyone may dissolve it (and the megapool's debt takes the dissolve penalty).</summary>
    Stake,

    /// <summary>Report a validator's exit (<c>notifyExit</c>), or the report is late and the megapool's debt takes the late fine.</summary>
    NotifyExit,
}
