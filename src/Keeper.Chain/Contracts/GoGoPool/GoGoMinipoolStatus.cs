namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>
/// GoGoPool's <c>MinipoolStatus</c>, in the protocol's order (contracts/types/MinipoolStatus.sol): Prelaunch → Launched |
/// Canceled; Launched → Staking | Error; Staking → Withdrawable; Withdrawable | Error → Finished; Finished | Canceled → Prelaunch.
/// </summary>
public enum GoGoMinipoolStatus : byte
{
    /// <summary>The owner's AVAX is in; waiting for the orchestrator to claim liquid-staker AVAX.</summary>
    Prelaunch = 0,

    /// <summary>The orchestrator claimed the AVAX and is adding the validator.</summary>
    Launched = 1,

    /// <summary>The node validates.</summary>
    Staking = 2,

    /// <summary>Validation ended and the AVAX is back on the C-Chain: the owner may withdraw.</summary>
    Withdrawable = 3,

    /// <summary>The owner withdrew.</summary>
    Finished = 4,

    /// <summary>Canceled before validating.</summary>
    Canceled = 5,

    /// <summary>Adding the validator failed; the owner may withdraw.</summary>
    Error = 6,
}
