using Keeper.Chain.Contracts.GoGoPool;

namespace Keeper.Actors.GoGoPool;

/// <summary>
/// GoGoPool's status moves (MinipoolManager's <c>requireValidStateTransition</c>): Prelaunch → Launched | Canceled;
/// Launched → Staking | Error; Staking → Withdrawable; Withdrawable | Error → Finished; Finished | Canceled → Prelaunch.
/// </summary>
/// <remarks>
/// Every status reaches every other along these moves, since a relaunch goes round again. A read that skips steps is
/// therefore judged by whether the steps it skipped stay inside one lifecycle: a skipped path may end in Prelaunch (a
/// cycle ended and relaunched in one transaction) but never passes through it, since leaving Prelaunch again takes the
/// orchestrator's later claim. Anything else (Staking back to Launched, Error to Staking) is forbidden.
/// </remarks>
public static class GoGoTransitions
{
    private static readonly GoGoMinipoolStatus[][] Next =
    [
        [GoGoMinipoolStatus.Launched, GoGoMinipoolStatus.Canceled],   // Prelaunch
        [GoGoMinipoolStatus.Staking, GoGoMinipoolStatus.Error],       // Launched
        [GoGoMinipoolStatus.Withdrawable],                            // Staking
        [GoGoMinipoolStatus.Finished],                                // Withdrawable
        [GoGoMinipoolStatus.Prelaunch],                               // Finished
        [GoGoMinipoolStatus.Prelaunch],                               // Canceled
        [GoGoMinipoolStatus.Finished],                                // Error
    ];

    /// <summary>Whether GoGoPool allows <paramref name="from"/> → <paramref name="to"/> as one move.</summary>
    public static bool IsAllowed(GoGoMinipoolStatus from, GoGoMinipoolStatus to) => Next[(int)from].Contains(to);

    /// <summary>
    /// Judges a move from <paramref name="from"/> to <paramref name="to"/>; <paramref name="path"/> is the statuses
    /// passed through, both ends included (for a skipped move, the shortest such path; otherwise the two ends).
    /// </summary>
    public static GoGoTransitionKind Classify(GoGoMinipoolStatus from, GoGoMinipoolStatus to, out IReadOnlyList<GoGoMinipoolStatus> path)
    {
        path = [from, to];
        if (from == to)
        {
            return GoGoTransitionKind.Unchanged;
        }

        if (IsAllowed(from, to))
        {
            return GoGoTransitionKind.Allowed;
        }

        if (ShortestPath(from, to) is { } skipped)
        {
            path = skipped;
            return GoGoTransitionKind.Skipped;
        }

        return GoGoTransitionKind.Forbidden;
    }

    // Breadth-first over the allowed moves; Prelaunch may end a path but not be passed through.
    private static List<GoGoMinipoolStatus>? ShortestPath(GoGoMinipoolStatus from, GoGoMinipoolStatus to)
    {
        var previous = new Dictionary<GoGoMinipoolStatus, GoGoMinipoolStatus>();
        var queue = new Queue<GoGoMinipoolStatus>([from]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            if (at != from && at == GoGoMinipoolStatus.Prelaunch)
            {
                continue;
            }

            foreach (var next in Next[(int)at])
            {
                if (next == from || !previous.TryAdd(next, at))
                {
                    continue;
                }

                if (next == to)
                {
                    var path = new List<GoGoMinipoolStatus> { to };
                    for (var step = to; step != from;)
                    {
                        step = previous[step];
                        path.Add(step);
                    }

                    path.Reverse();
                    return path;
                }

                queue.Enqueue(next);
            }
        }

        return null;
    }
}
