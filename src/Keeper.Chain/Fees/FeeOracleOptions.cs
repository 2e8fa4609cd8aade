using System.Numerics;

namespace Keeper.Chain.Fees;

/// <summary>How <see cref="FeeOracle"/> prices an EIP-1559 transaction.</summary>
public sealed record FeeOracleOptions
{
    /// <summary>How many recent blocks <c>eth_feeHistory</c> looks at.</summary>
    public int BlockCount { get; init; } = 10;

    /// <summary>The priority-fee percentile (0-100) of each block's transactions, weighted by gas.</summary>
    public double RewardPercentile { get; init; } = 50;

    /// <summary>The lowest priority fee offered, in wei, even when recent blocks paid less.</summary>
    public BigInteger MinPriorityFeePerGas { get; init; } = 100_000_000; // 0.1 gwei

    /// <summary>
    /// How many next-block base fees <c>maxFeePerGas</c> allows, so the transaction stays includable while the base fee
    /// rises (each full block raises it by at most 12.5%; 2x covers about six full blocks in a row).
    /// </summary>
    public int BaseFeeMultiplier { get; init; } = 2;

    /// <summary>The most the keeper will ever pay per gas (<c>maxFeePerGas</c> never exceeds it), in wei.</summary>
    public BigInteger MaxFeePerGasCap { get; init; } = 200_000_000_000; // 200 gwei

    /// <summary>Checks the options, throwing an error that names the bad setting and its valid range.</summary>
    public FeeOracleOptions Validate()
    {
        if (BlockCount is < 1 or > 1024)
        {
            throw new ArgumentException($"FeeOracleOptions.BlockCount must be 1-1024 blocks; it is {BlockCount}.");
        }

        if (RewardPercentile is < 0 or > 100 || double.IsNaN(RewardPercentile))
        {
            throw new ArgumentException($"FeeOracleOptions.RewardPercentile must be 0-100; it is {RewardPercentile}.");
        }

        if (MinPriorityFeePerGas.Sign < 0)
        {
            throw new ArgumentException("FeeOracleOptions.MinPriorityFeePerGas cannot be negative.");
        }

        if (BaseFeeMultiplier < 1)
        {
            throw new ArgumentException($"FeeOracleOptions.BaseFeeMultiplier must be at least 1; it is {BaseFeeMultiplier}.");
        }

        if (MaxFeePerGasCap.Sign <= 0)
        {
            throw new ArgumentException("FeeOracleOptions.MaxFeePerGasCap must be positive (wei per gas).");
        }

        return this;
    }
}
