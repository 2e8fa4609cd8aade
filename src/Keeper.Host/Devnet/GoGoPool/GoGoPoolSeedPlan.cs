using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>
/// What <c>keeper devnet --gogopool M</c> seeds on the second chain: M minipools dealt in turn to the cases of
/// <see cref="GoGoPoolSeedCase"/> (so with 9 or more every case has one), each seeded in a block of its own at a planned
/// time, the actions that keep the controls quiet, and the alert each other minipool must raise once.
/// </summary>
/// <param name="Minipools">The minipools, in seeding order.</param>
/// <param name="Actions">The devnet's own transactions on the controls, in time order.</param>
/// <param name="WithdrawGrace">The nodes' keeper.gogopool.alerts.withdraw-grace, in seconds.</param>
public sealed record GoGoPoolSeedPlan(IReadOnlyList<GoGoPoolPlannedMinipool> Minipools, IReadOnlyList<GoGoPoolPlannedAction> Actions, ulong WithdrawGrace)
{
    /// <summary>The most minipools a devnet seeds: each takes a transaction and a block of its own.</summary>
    public const int MaxMinipools = 100;

    private const ulong Hour = 3_600;
    private const ulong Day = 24 * Hour;

    /// <summary>The keys of the alerts the plan expects, one per non-control minipool, in seeding order.</summary>
    public IReadOnlyList<string> ExpectedAlertKeys => [.. Minipools.Select(m => m.AlertKey).OfType<string>()];

    /// <summary>How many minipools are seeded in each status (by its name), only statuses seeded.</summary>
    public IReadOnlyDictionary<string, int> ByStatus =>
        Minipools.GroupBy(m => m.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// The chain times the run must pass: every alert boundary and every control's (a second after each: the first time
    /// an alert is due) and every action's time; the run ends only after the last.
    /// </summary>
    public IReadOnlyList<ulong> Marks =>
        [.. Minipools.Where(m => m.AlertKind is not null && m.AlertAfter > 0).Select(m => m.AlertAfter + 1)
            .Concat(Actions.SelectMany(a => new[] { a.At, a.Boundary + 1 }))
            .Distinct().Order()];

    /// <summary>
    /// Plans <paramref name="count"/> minipools seeded from chain time <paramref name="seedStart"/> on (minipool i in the block
    /// at <paramref name="seedStart"/> + i), under the protocol's <paramref name="settings"/> and the nodes'
    /// <paramref name="withdrawGrace"/> (seconds). The boundaries lie an hour and more after the seeding, so the nodes run
    /// before any passes: a not-withdrawn grace after the seeding, an overdue Staking two hours after it, a control's end
    /// recorded and withdrawn in time three hours after it, an overdue Launched a cycle and a tolerance after its creation.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not 0 to <see cref="MaxMinipools"/>, or the grace is under a minute.</exception>
    public static GoGoPoolSeedPlan Create(int count, ulong seedStart, GoGoPoolSettings settings, ulong withdrawGrace)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxMinipools);
        ArgumentOutOfRangeException.ThrowIfLessThan(withdrawGrace, 60UL);
        ArgumentNullException.ThrowIfNull(settings);
        var cases = Enum.GetValues<GoGoPoolSeedCase>();
        var window = settings.MinipoolCycleDuration + settings.MinipoolCycleDelayTolerance;
        var afterSeeding = seedStart + (ulong)count;
        var minipools = new List<GoGoPoolPlannedMinipool>(count);
        var actions = new List<GoGoPoolPlannedAction>();
        for (var i = 0; i < count; i++)
        {
            var seeded = seedStart + (ulong)i;
            var nodeId = NodeId(i);
            var planned = new GoGoPoolPlannedMinipool(
                cases[i % cases.Length], nodeId, i % 2, GoGoMinipoolStatus.Prelaunch, seeded, 2 * settings.MinipoolCycleDuration, seeded, 0, 0, string.Empty, null, 0, 0);
            switch (planned.Case)
            {
                case GoGoPoolSeedCase.LaunchedOverdue:
                    // Its status log is in its seed block, at its creation time: both readings of its cycle's start agree.
                    planned = planned with { Status = GoGoMinipoolStatus.Launched, AlertKind = GoGoPoolAlertKind.Overdue, AlertAfter = seeded + window, EpisodeTime = seeded };
                    break;
                case GoGoPoolSeedCase.StakingOverdue:
                    var overdueStart = afterSeeding + (2 * Hour) - window;
                    planned = planned with
                    {
                        Status = GoGoMinipoolStatus.Staking, CreationTime = overdueStart - Hour, StartTime = overdueStart,
                        AlertKind = GoGoPoolAlertKind.Overdue, AlertAfter = overdueStart + window, EpisodeTime = overdueStart,
                    };
                    break;
                case GoGoPoolSeedCase.WithdrawableNotWithdrawn:
                    planned = planned with
                    {
                        Status = GoGoMinipoolStatus.Withdrawable, CreationTime = seeded - window - Day, StartTime = seeded - window, EndTime = seeded,
                        AlertKind = GoGoPoolAlertKind.NotWithdrawn, AlertAfter = seeded + withdrawGrace, EpisodeTime = seeded,
                    };
                    break;
                case GoGoPoolSeedCase.Error:
                    planned = planned with { Status = GoGoMinipoolStatus.Error, ErrorCode = "devnet-error", AlertKind = GoGoPoolAlertKind.Error, EpisodeTime = seeded };
                    break;
                case GoGoPoolSeedCase.Finished:
                    planned = planned with { Status = GoGoMinipoolStatus.Finished, CreationTime = seeded - (3 * window), StartTime = seeded - (2 * window), EndTime = seeded - window };
                    break;
                case GoGoPoolSeedCase.Canceled:
                    planned = planned with { Status = GoGoMinipoolStatus.Canceled, CreationTime = seeded - Day, ErrorCode = "devnet-canceled" };
                    break;
                case GoGoPoolSeedCase.WithdrawnInTime:
                    planned = planned with { Status = GoGoMinipoolStatus.Withdrawable, CreationTime = seeded - window - Day, StartTime = seeded - window, EndTime = seeded };
                    actions.Add(new GoGoPoolPlannedAction(seeded + (withdrawGrace / 2), nodeId, Withdraw: true, seeded + withdrawGrace));
                    break;
                case GoGoPoolSeedCase.EndedInTime:
                    var boundary = afterSeeding + (3 * Hour);
                    var ended = boundary - (withdrawGrace / 2);
                    planned = planned with { Status = GoGoMinipoolStatus.Staking, CreationTime = boundary - window - Hour, StartTime = boundary - window };
                    actions.Add(new GoGoPoolPlannedAction(ended, nodeId, Withdraw: false, boundary));
                    actions.Add(new GoGoPoolPlannedAction(ended + (withdrawGrace / 4), nodeId, Withdraw: true, ended + withdrawGrace));
                    break;
                default:
                    break;
            }

            minipools.Add(planned);
        }

        return new GoGoPoolSeedPlan(minipools, [.. actions.OrderBy(a => a.At)], withdrawGrace);
    }

    /// <summary>The node ID of the <paramref name="index"/>-th seeded minipool: "gg" and the index, so a log line shows it is a devnet one.</summary>
    public static Address NodeId(int index)
    {
        var bytes = new byte[20];
        bytes[0] = 0x66;
        bytes[1] = 0x67;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), index + 1);
        return new Address(bytes);
    }
}
