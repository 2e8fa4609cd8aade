using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>The addresses of the Rocket Pool contracts the keeper uses, as resolved from RocketStorage.</summary>
/// <param name="Storage">RocketStorage, the one configured address.</param>
/// <param name="MegapoolManager">rocketMegapoolManager.</param>
/// <param name="MegapoolFactory">rocketMegapoolFactory.</param>
/// <param name="DepositPool">rocketDepositPool.</param>
/// <param name="MegapoolSettings">rocketDAOProtocolSettingsMegapool.</param>
/// <param name="MinipoolManager">rocketMinipoolManager.</param>
/// <param name="MinipoolSettings">rocketDAOProtocolSettingsMinipool.</param>
public sealed record RocketPoolDeployment(
    Address Storage,
    Address MegapoolManager,
    Address MegapoolFactory,
    Address DepositPool,
    Address MegapoolSettings,
    Address MinipoolManager,
    Address MinipoolSettings);
