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
}
