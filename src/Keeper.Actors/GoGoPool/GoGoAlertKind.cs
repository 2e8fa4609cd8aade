namespace Keeper.Actors.GoGoPool;

/// <summary>What a GoGoPool minipool alert is about (wire names in <see cref="GoGoAlertKinds"/>).</summary>
public enum GoGoAlertKind
{
    /// <summary>Launched or Staking past its cycle's end plus the delay tolerance (<c>overdue</c>).</summary>
    Overdue,

    /// <summary>Withdrawable past its end time plus the withdraw grace (<c>not-withdrawn</c>).</summary>
    NotWithdrawn,

    /// <summary>In Error: adding the validator failed (<c>error</c>).</summary>
    Error,
}
