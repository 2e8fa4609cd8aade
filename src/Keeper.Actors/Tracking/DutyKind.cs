namespace Keeper.Actors.Tracking;

/// <summary>The actions a keeper may take when a deadline passes.</summary>
public enum DutyKind
{
    /// <summary><c>dissolveValidator(uint32)</c> on a megapool whose validator was assigned ETH and never staked.</summary>
    DissolveMegapoolValidator,

    /// <summary><c>dissolve()</c> on a legacy minipool stuck in prelaunch past the launch timeout.</summary>
    DissolveMinipool,

    /// <summary>
    /// Report a megapool validator's exit (<c>notifyExit</c>, with beacon proofs) before
    /// <c>withdrawableEpoch - notifyThreshold</c>; after that the report is late and the operator is fined.
    /// </summary>
    NotifyExit,
}
