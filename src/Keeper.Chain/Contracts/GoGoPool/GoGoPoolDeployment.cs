using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>The addresses of the GoGoPool contracts the keeper uses, as resolved from Storage.</summary>
/// <param name="Storage">Storage, the one configured address.</param>
/// <param name="MinipoolManager">MinipoolManager.</param>
/// <param name="RewardsPool">RewardsPool.</param>
/// <param name="ProtocolDao">ProtocolDAO.</param>
public sealed record GoGoPoolDeployment(Address Storage, Address MinipoolManager, Address RewardsPool, Address ProtocolDao);
