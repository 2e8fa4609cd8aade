using System.Numerics;
using Keeper.Chain.Eth;

namespace Keeper.Chain.Fees;

/// <summary>
/// Prices EIP-1559 transactions from <c>eth_feeHistory</c>: the tip is the median, over recent non-empty blocks, of the
/// configured reward percentile (at least the configured minimum); <c>maxFeePerGas</c> is a multiple of the next base
/// fee plus the tip, never above the cap. When the next block alone would cost more than the cap, the quote says so.
/// </summary>
public sealed class FeeOracle
{
    private readonly EthApi _eth;
    private readonly FeeOracleOptions _options;

    /// <summary>Creates an oracle.</summary>
    public FeeOracle(EthApi eth, FeeOracleOptions? options = null)
    {
        _eth = eth;
        _options = (options ?? new FeeOracleOptions()).Validate();
    }

    /// <summary>The options in force.</summary>
    public FeeOracleOptions Options => _options;

    /// <summary>Prices a transaction for the next block.</summary>
    public async Task<FeeQuote> QuoteAsync(CancellationToken cancellationToken)
    {
        var history = await _eth.FeeHistoryAsync(_options.BlockCount, BlockTag.Latest, [_options.RewardPercentile], cancellationToken);
        return Quote(history, _options);
    }

    /// <summary>The pricing rule on its own, for a given fee history.</summary>
    public static FeeQuote Quote(FeeHistory history, FeeOracleOptions options)
    {
        var nextBaseFee = history.NextBaseFee;
        var tip = BigInteger.Max(options.MinPriorityFeePerGas, MedianReward(history));
        var cap = options.MaxFeePerGasCap;
        if (nextBaseFee + tip > cap)
        {
            return new FeeQuote(nextBaseFee, tip, cap, WithinCap: false,
                $"the next block's base fee {Gwei(nextBaseFee)} gwei plus a tip of {Gwei(tip)} gwei exceeds the fee cap of {Gwei(cap)} gwei");
        }

        var maxFee = BigInteger.Min(cap, (nextBaseFee * options.BaseFeeMultiplier) + tip);
        return new FeeQuote(nextBaseFee, tip, maxFee, WithinCap: true, Reason: null);
    }

    private static BigInteger MedianReward(FeeHistory history)
    {
        // Empty blocks report a zero reward that says nothing about the market; leave them out.
        var rewards = new List<BigInteger>();
        for (var i = 0; i < history.Rewards.Count; i++)
        {
            if (history.GasUsedRatio[i] > 0 && history.Rewards[i].Count > 0)
            {
                rewards.Add(history.Rewards[i][0]);
            }
        }

        if (rewards.Count == 0)
        {
            return BigInteger.Zero;
        }

        rewards.Sort();
        return rewards[rewards.Count / 2];
    }

    private static string Gwei(BigInteger wei) => ((decimal)wei / 1_000_000_000m).ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture);
}
