using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet;

/// <summary>An action the devnet expects the keepers to take.</summary>
/// <param name="Key">The task key.</param>
/// <param name="Target">The megapool or minipool.</param>
/// <param name="ValidatorId">The megapool validator, or null for a minipool.</param>
/// <param name="DueAt">The first block timestamp at which it is valid.</param>
/// <param name="Kind">What the action is.</param>
public sealed record DevnetTask(string Key, Address Target, uint? ValidatorId, ulong DueAt, DevnetTaskKind Kind)
{
    /// <summary>The kind's name in the report: the first part of its task key (<c>dissolve-proof</c>, <c>final-balance</c>, ...).</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The report name of <paramref name="kind"/>.</summary>
    public static string NameOf(DevnetTaskKind kind) => kind switch
    {
        DevnetTaskKind.DissolveMegapoolValidator => "dissolve-megapool",
        DevnetTaskKind.DissolveMinipool => "dissolve-minipool",
        DevnetTaskKind.NotifyExit => "notify-exit",
        DevnetTaskKind.DissolveProof => "dissolve-proof",
        DevnetTaskKind.FinalBalance => "final-balance",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a devnet task kind"),
    };
}
