namespace Keeper.Actors.GoGoPool;

/// <summary>The wire names of <see cref="GoGoAlertKind"/>, used in alert keys, the API and metrics.</summary>
public static class GoGoAlertKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<GoGoAlertKind> All { get; } = Enum.GetValues<GoGoAlertKind>();

    /// <summary>The wire name: <c>overdue</c>, <c>not-withdrawn</c> or <c>error</c>.</summary>
    public static string WireName(this GoGoAlertKind kind) => kind switch
    {
        GoGoAlertKind.Overdue => "overdue",
        GoGoAlertKind.NotWithdrawn => "not-withdrawn",
        GoGoAlertKind.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a GoGoPool alert kind."),
    };
}
