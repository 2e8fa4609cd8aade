namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>The alert rules a GoGoPool node applies, by their wire names (<c>overdue</c>, <c>not-withdrawn</c>, <c>error</c>).</summary>
public static class GoGoPoolAlertKind
{
    /// <summary>Launched or Staking past the cycle's end plus the delay tolerance.</summary>
    public const string Overdue = "overdue";

    /// <summary>Withdrawable past its end plus the withdraw grace.</summary>
    public const string NotWithdrawn = "not-withdrawn";

    /// <summary>In Error.</summary>
    public const string Error = "error";

    /// <summary>Every kind, in the order the report lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Overdue, NotWithdrawn, Error];
}
