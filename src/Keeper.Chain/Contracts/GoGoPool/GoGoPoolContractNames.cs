using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>The names under which GoGoPool's Storage registers the contracts the keeper uses, and their storage keys.</summary>
public static class GoGoPoolContractNames
{
    /// <summary>The minipool records, by node ID and index.</summary>
    public const string MinipoolManager = "MinipoolManager";

    /// <summary>The GGP rewards cycle and its permissionless start.</summary>
    public const string RewardsPool = "RewardsPool";

    /// <summary>The protocol settings (cycle lengths, the minipool delay tolerance).</summary>
    public const string ProtocolDao = "ProtocolDAO";

    /// <summary>Every name the keeper needs registered.</summary>
    public static IReadOnlyList<string> All { get; } = [MinipoolManager, RewardsPool, ProtocolDao];

    /// <summary>
    /// The Storage key of a contract address: <c>keccak256(abi.encodePacked("contract.address", name))</c>, the encoding
    /// GoGoPool took over from Rocket Pool's RocketStorage, so one function computes both.
    /// </summary>
    public static Hash32 StorageKey(string name) => RocketPoolContractNames.StorageKey(name);
}
