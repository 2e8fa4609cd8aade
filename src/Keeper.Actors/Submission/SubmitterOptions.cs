using System.Numerics;

namespace Keeper.Actors.Submission;

/// <summary>How a <see cref="Submitter"/> decides, prices and follows its transactions.</summary>
/// <param name="ChainId">The chain id every transaction is signed for (eth_chainId); never 0.</param>
public sealed record SubmitterOptions(ulong ChainId)
{
    /// <summary>The least profit (reward minus expected gas cost, in wei) an action must clear; default 0.</summary>
    public BigInteger MinProfitWei { get; init; } = BigInteger.Zero;

    /// <summary>
    /// When true the submitter acts even when the reward does not cover the gas (the operator pays to keep the protocol
    /// healthy; the live Rocket Pool network offers no reward). The fee cap still applies. Default false.
    /// </summary>
    public bool ActWithoutReward { get; init; }

    /// <summary>
    /// Which chain's journal this is when one account signs on more than one chain (<c>gogopool-43114</c>); null for the
    /// node's main chain. Each chain has its own nonces, so each has its own journal (<see cref="Submitter.PersistenceIdFor"/>).
    /// </summary>
    public string? JournalScope { get; init; }

    /// <summary>Blocks on top of (and including) the one that mined a transaction before it counts as final; 1 on a devnet, 2-3 on mainnet.</summary>
    public int Confirmations { get; init; } = 1;

    /// <summary>Blocks a transaction may wait unmined before it is replaced with fees bumped by at least 12.5%; default 3.</summary>
    public int BumpAfterBlocks { get; init; } = 3;

    /// <summary>The gas limit is <c>eth_estimateGas</c> times this (room for state changes before inclusion); default 1.2.</summary>
    public decimal GasLimitMultiplier { get; init; } = 1.2m;

    /// <summary>No transaction is signed with a larger gas limit; an action whose estimate exceeds it is refused. Default 1,000,000.</summary>
    public ulong MaxGasLimit { get; init; } = 1_000_000;

    /// <summary>
    /// How many blocks a mined transaction stays watched for a reorg that would undo it (it is then re-broadcast);
    /// default 64 (about two epochs, when mainnet blocks become final).
    /// </summary>
    public int ReorgWatchBlocks { get; init; } = 64;

    /// <summary>The chain's block interval: a re-sent action is simulated at the last head's time plus one slot; default 12 s.</summary>
    public TimeSpan Slot { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How long to wait before retrying recovery when the node or the journal cannot be reached at start; default 5 s.</summary>
    public TimeSpan RecoveryRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Test hook: invoked at named points of a send (<c>after-journal-created</c>: the Created event is journaled and
    /// nothing is sent yet; <c>after-send</c>: the node accepted the transaction and Sent is not yet journaled), so crash
    /// tests can kill the process exactly there. Production passes null.
    /// </summary>
    public Action<string>? FaultPoint { get; init; }

    /// <summary>Checks every setting and returns the options; throws an error that names the setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and the valid range.</exception>
    public SubmitterOptions Validate()
    {
        if (ChainId == 0)
        {
            throw new ArgumentException("SubmitterOptions.ChainId is 0; set it to the chain's id (eth_chainId), e.g. 1 for mainnet or 31337 for anvil.");
        }

        if (MinProfitWei.Sign < 0)
        {
            throw new ArgumentException($"SubmitterOptions.MinProfitWei is {MinProfitWei}; it cannot be negative (use ActWithoutReward to act at a loss).");
        }

        if (Confirmations is < 1 or > 64)
        {
            throw new ArgumentException($"SubmitterOptions.Confirmations is {Confirmations}; it must be 1-64 blocks (1 on a devnet, 2-3 on mainnet).");
        }

        if (BumpAfterBlocks is < 1 or > 1000)
        {
            throw new ArgumentException($"SubmitterOptions.BumpAfterBlocks is {BumpAfterBlocks}; it must be 1-1000 blocks (e.g. 3).");
        }

        if (GasLimitMultiplier is < 1m or > 10m)
        {
            throw new ArgumentException($"SubmitterOptions.GasLimitMultiplier is {GasLimitMultiplier}; it must be 1-10 (e.g. 1.2).");
        }

        if (MaxGasLimit < 21_000)
        {
            throw new ArgumentException($"SubmitterOptions.MaxGasLimit is {MaxGasLimit}; it must be at least 21000 (the cost of a plain transfer).");
        }

        if (ReorgWatchBlocks < Confirmations)
        {
            throw new ArgumentException($"SubmitterOptions.ReorgWatchBlocks is {ReorgWatchBlocks}; it must be at least Confirmations ({Confirmations}).");
        }

        if (RecoveryRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"SubmitterOptions.RecoveryRetryInterval is {RecoveryRetryInterval}; it must be positive.");
        }

        return this;
    }
}
