using Keeper.Chain.Primitives;

namespace Keeper.Actors.GoGoPool;

/// <summary>The operator's alert settings (keeper.gogopool).</summary>
/// <param name="WithdrawGrace">How long after a minipool's end time its funds may stay unwithdrawn before the alert (alerts.withdraw-grace).</param>
/// <param name="Owners">The minipool owners whose alerts are the operator's own (owners): logged as warnings.</param>
public sealed record GoGoAlertOptions(TimeSpan WithdrawGrace, IReadOnlySet<Address> Owners)
{
    /// <summary>The defaults: a day's grace, no own minipools.</summary>
    public static GoGoAlertOptions Default { get; } = new(TimeSpan.FromHours(24), new HashSet<Address>());
}
