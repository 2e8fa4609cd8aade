namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>A legacy minipool's status (<c>MinipoolStatus</c>).</summary>
public enum MinipoolStatus : byte
{
    /// <summary>Created, not yet deposited.</summary>
    Initialised = 0,

    /// <summary>Deposited, waiting to stake; dissolvable after the launch timeout.</summary>
    Prelaunch = 1,

    /// <summary>Staking.</summary>
    Staking = 2,

    /// <summary>Unused by the current contracts.</summary>
    Withdrawable = 3,

    /// <summary>Dissolved.</summary>
    Dissolved = 4,
}
