using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>Canonical task keys (shared/DESIGN.md, gate): every keeper derives the same key for the same action.</summary>
public static class TaskKeys
{
    /// <summary><c>dissolve:megapool:&lt;address&gt;:&lt;validatorId&gt;</c>.</summary>
    public static string DissolveMegapoolValidator(Address megapool, uint validatorId) =>
        $"dissolve:megapool:{megapool.ToLowerHex()}:{validatorId}";

    /// <summary><c>dissolve:minipool:&lt;address&gt;</c>.</summary>
    public static string DissolveMinipool(Address minipool) => $"dissolve:minipool:{minipool.ToLowerHex()}";

    /// <summary><c>notify-exit:megapool:&lt;address&gt;:&lt;validatorId&gt;</c>.</summary>
    public static string NotifyExit(Address megapool, uint validatorId) =>
        $"notify-exit:megapool:{megapool.ToLowerHex()}:{validatorId}";

    /// <summary><c>dissolve-proof:megapool:&lt;address&gt;:&lt;validatorId&gt;</c>.</summary>
    public static string DissolveProof(Address megapool, uint validatorId) =>
        $"dissolve-proof:megapool:{megapool.ToLowerHex()}:{validatorId}";

    /// <summary><c>final-balance:megapool:&lt;address&gt;:&lt;validatorId&gt;</c>.</summary>
    public static string FinalBalance(Address megapool, uint validatorId) =>
        $"final-balance:megapool:{megapool.ToLowerHex()}:{validatorId}";

    /// <summary>
    /// <c>start-rewards-cycle:gogopool:&lt;rewardsPool&gt;:&lt;cycle&gt;</c>, where <paramref name="cycle"/> is the
    /// RewardsPool's cycle count before the start: one task, and so one sender, per cycle.
    /// </summary>
    public static string StartRewardsCycle(Address rewardsPool, ulong cycle) =>
        $"start-rewards-cycle:gogopool:{rewardsPool.ToLowerHex()}:{cycle}";

    /// <summary>True when the task is GoGoPool's (on its own chain, paid in AVAX): its kind ends in <c>:gogopool</c>.</summary>
    public static bool IsGoGoPool(string taskKey) => KindOf(taskKey).EndsWith(":gogopool", StringComparison.Ordinal);

    /// <summary>
    /// The kind of action a task key names: its first two parts (<c>dissolve:megapool</c>, <c>notify-exit:megapool</c>,
    /// <c>dissolve:minipool</c>, ...); the whole key when it has no such form.
    /// </summary>
    public static string KindOf(string taskKey)
    {
        ArgumentNullException.ThrowIfNull(taskKey);
        var parts = taskKey.Split(':');
        return parts.Length >= 3 ? parts[0] + ":" + parts[1] : taskKey;
    }

    /// <summary>The pool (megapool or minipool address) a task key names: its third part; empty when it has none.</summary>
    public static string PoolOf(string taskKey)
    {
        ArgumentNullException.ThrowIfNull(taskKey);
        var parts = taskKey.Split(':');
        return parts.Length >= 3 ? parts[2] : string.Empty;
    }
}
