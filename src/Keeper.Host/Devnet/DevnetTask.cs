using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet;

/// <summary>An action the devnet expects the keepers to take.</summary>
/// <param name="Key">The task key.</param>
/// <param name="Target">The megapool or minipool, or GoGoPool's RewardsPool.</param>
/// <param name="ValidatorId">The megapool validator, or null for a minipool.</param>
/// <param name="DueAt">The first block timestamp at which it is valid (for a proof of a slot not yet reached, the earliest).</param>
/// <param name="Kind">What the action is.</param>
/// <param name="ProvableFromSlot">
/// For a call whose proof must be of this beacon slot or later (a late exit report, a final balance after the distribute
/// delay): the action becomes valid in the block after the child of the first block at or after that slot, since the
/// proven block's root reaches EIP-4788 with its child. Null when <paramref name="DueAt"/> alone decides.
/// </param>
public sealed record DevnetTask(string Key, Address Target, uint? ValidatorId, ulong DueAt, DevnetTaskKind Kind, ulong? ProvableFromSlot = null)
{
    /// <summary>The kind's name in the report: the first part of its task key (<c>dissolve-proof</c>, <c>final-balance</c>, ...), or its first two for GoGoPool's (<c>start-rewards-cycle:gogopool</c>).</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The report name of <paramref name="kind"/>.</summary>
    public static string NameOf(DevnetTaskKind kind) => kind switch
    {
        DevnetTaskKind.DissolveMegapoolValidator => "dissolve-megapool",
        DevnetTaskKind.DissolveMinipool => "dissolve-minipool",
        DevnetTaskKind.NotifyExit => "notify-exit",
        DevnetTaskKind.DissolveProof => "dissolve-proof",
        DevnetTaskKind.FinalBalance => "final-balance",
        DevnetTaskKind.StartRewardsCycle => "start-rewards-cycle:gogopool",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a devnet task kind"),
    };
}
