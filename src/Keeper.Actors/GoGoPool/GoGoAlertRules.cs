using System.Globalization;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.GoGoPool;

/// <summary>
/// Which alerts a GoGoPool minipool is due, on chain time (block timestamps). Every boundary is strict: at the boundary
/// no alert, one second past it the alert.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Overdue: Launched or Staking past <see cref="CycleEnd"/> plus <c>MinipoolCycleDelayTolerance</c>: the
/// orchestrator did not end the cycle in time.</item>
/// <item>NotWithdrawn: Withdrawable past its <c>endTime</c> plus the withdraw grace: the owner has not taken the funds.</item>
/// <item>Error: in Error, at once.</item>
/// </list>
/// </remarks>
public static class GoGoAlertRules
{
    /// <summary>
    /// When the minipool's current validation cycle ends, or null when it has none (or the settings are not read yet):
    /// Staking: its <c>startTime</c> plus <c>MinipoolCycleDuration</c>; Launched: the time of its Launched status log when
    /// seen, else the later of <c>creationTime</c> and <c>endTime</c>, plus <c>MinipoolCycleDuration</c>.
    /// </summary>
    public static ulong? CycleEnd(GoGoMinipoolTrackingState state, GoGoPoolSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        return settings is not null && CycleStart(state) is { } start ? Add(start, settings.MinipoolCycleDuration) : null;
    }

    /// <summary>The alerts due at <paramref name="chainTime"/>, and when the next one will be.</summary>
    public static GoGoAlertEvaluation Evaluate(GoGoMinipoolTrackingState state, GoGoPoolSettings? settings, GoGoAlertOptions options, ulong chainTime)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var m = state.Minipool;
        (GoGoAlertKind Kind, ulong Episode, ulong Boundary, bool AtOnce, string Message)? candidate = m.Status switch
        {
            GoGoMinipoolStatus.Launched or GoGoMinipoolStatus.Staking when settings is not null && CycleStart(state) is { } start =>
                Overdue(m, start, settings),
            GoGoMinipoolStatus.Withdrawable => NotWithdrawn(m, options.WithdrawGrace),
            GoGoMinipoolStatus.Error => (GoGoAlertKind.Error, state.StatusSince ?? m.CreationTime, state.StatusSince ?? m.CreationTime, true,
                $"is in Error (error code {ErrorCodeText(m.ErrorCode)}): adding its validator failed; the owner may withdraw its funds with withdrawMinipoolFunds"),
            _ => null,
        };

        if (candidate is not { } c)
        {
            return new GoGoAlertEvaluation([], null);
        }

        if (!c.AtOnce && chainTime <= c.Boundary)
        {
            return new GoGoAlertEvaluation([], c.Boundary == ulong.MaxValue ? null : c.Boundary + 1);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{c.Kind.WireName()}:{m.NodeId.ToLowerHex()}:{m.Status.ToString().ToLowerInvariant()}:{c.Episode}");
        var message = $"GoGoPool minipool {m.NodeId.ToLowerHex()} of owner {m.Owner.ToLowerHex()} {c.Message}";
        return new GoGoAlertEvaluation([new GoGoAlert(key, c.Kind, m.NodeId, m.Owner, m.Status, c.Boundary, chainTime, options.Owners.Contains(m.Owner), message)], null);
    }

    /// <summary>An error code as text when it is printable ASCII (GoGoPool writes short codes such as <c>EC1</c>), else as hex.</summary>
    public static string ErrorCodeText(Hash32 code)
    {
        var bytes = code.Bytes.TrimEnd((byte)0);
        if (bytes.IsEmpty)
        {
            return "none";
        }

        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return code.ToString();
            }
        }

        return "\"" + System.Text.Encoding.ASCII.GetString(bytes) + "\"";
    }

    private static ulong? CycleStart(GoGoMinipoolTrackingState state) => state.Status switch
    {
        GoGoMinipoolStatus.Staking => state.Minipool.StartTime,
        GoGoMinipoolStatus.Launched => state.StatusSince ?? Math.Max(state.Minipool.CreationTime, state.Minipool.EndTime),
        _ => null,
    };

    private static (GoGoAlertKind, ulong, ulong, bool, string) Overdue(GoGoMinipool m, ulong start, GoGoPoolSettings settings)
    {
        var end = Add(start, settings.MinipoolCycleDuration);
        var boundary = Add(end, settings.MinipoolCycleDelayTolerance);
        var missing = m.Status == GoGoMinipoolStatus.Launched ? "recorded the validator's start (or an error)" : "ended the cycle";
        return (GoGoAlertKind.Overdue, start, boundary, false,
            $"is still {m.Status} past its cycle end {Time(end)} plus the delay tolerance of {settings.MinipoolCycleDelayTolerance} s ({Time(boundary)}): the orchestrator has not {missing}");
    }

    private static (GoGoAlertKind, ulong, ulong, bool, string) NotWithdrawn(GoGoMinipool m, TimeSpan grace)
    {
        var boundary = Add(m.EndTime, (ulong)grace.TotalSeconds);
        return (GoGoAlertKind.NotWithdrawn, m.EndTime, boundary, false,
            $"has been Withdrawable since {Time(m.EndTime)} and its funds are not withdrawn {grace.TotalHours:0.##} h later: the owner may call withdrawMinipoolFunds");
    }

    private static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static string Time(ulong seconds) =>
        DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(seconds, (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())).ToString("u", CultureInfo.InvariantCulture);
}
