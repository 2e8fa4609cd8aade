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
/// <param name="ProposalContracts">
/// The DAO proposal contracts registered (rocketDAOProtocolProposal, rocketDAOProposal): their <c>ProposalExecuted</c>
/// makes the keeper read settings and addresses again. Empty on a network that registers neither.
/// </param>
public sealed record RocketPoolDeployment(
    Address Storage,
    Address MegapoolManager,
    Address MegapoolFactory,
    Address DepositPool,
    Address MegapoolSettings,
    Address MinipoolManager,
    Address MinipoolSettings,
    IReadOnlyList<Address> ProposalContracts)
{
    /// <summary>True when both deployments name the same contracts (records compare lists by reference).</summary>
    public bool SameAs(RocketPoolDeployment other) =>
        Storage == other.Storage && MegapoolManager == other.MegapoolManager && MegapoolFactory == other.MegapoolFactory &&
        DepositPool == other.DepositPool && MegapoolSettings == other.MegapoolSettings && MinipoolManager == other.MinipoolManager &&
        MinipoolSettings == other.MinipoolSettings && ProposalContracts.SequenceEqual(other.ProposalContracts);

    /// <summary>True when <paramref name="emitter"/> is one of the DAO proposal contracts.</summary>
    public bool IsProposalContract(Address emitter) => ProposalContracts.Contains(emitter);
}
