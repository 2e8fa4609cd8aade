using System.Numerics;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Xunit;

namespace Keeper.Chain.Tests.Fees;

public sealed class FeeOracleTests
{
    private const long Gwei = 1_000_000_000;

    private static FeeHistory History(long nextBaseFeeGwei, params (double Ratio, long RewardGwei)[] blocks) => new(
        100,
        [.. blocks.Select(_ => new BigInteger(10 * Gwei)), new BigInteger(nextBaseFeeGwei * Gwei)],
        [.. blocks.Select(b => b.Ratio)],
        [.. blocks.Select(b => (IReadOnlyList<BigInteger>)[new BigInteger(b.RewardGwei * Gwei)])]);

    [Fact]
    public void Quote_TypicalHistory_TipIsMedianAndMaxFeeIsTwiceBasePlusTip()
    {
        var quote = FeeOracle.Quote(History(30, (0.5, 1), (0.6, 3), (0.4, 2)), new FeeOracleOptions());

        Assert.True(quote.WithinCap);
        Assert.Equal(30 * Gwei, quote.NextBaseFeePerGas);
        Assert.Equal(2 * Gwei, quote.MaxPriorityFeePerGas);
        Assert.Equal((60 + 2) * Gwei, quote.MaxFeePerGas);
    }

    [Fact]
    public void Quote_EmptyBlocks_IgnoredAndMinimumTipApplies()
    {
        var options = new FeeOracleOptions { MinPriorityFeePerGas = Gwei / 2 };
        var quote = FeeOracle.Quote(History(1, (0, 0), (0, 0)), options);

        Assert.Equal(Gwei / 2, quote.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Quote_MaxFeeAboveCap_ClampedToCap()
    {
        var options = new FeeOracleOptions { MaxFeePerGasCap = 50 * Gwei };
        var quote = FeeOracle.Quote(History(40, (0.5, 2)), options);

        Assert.True(quote.WithinCap);
        Assert.Equal(50 * Gwei, quote.MaxFeePerGas);
    }

    [Fact]
    public void Quote_BaseFeePlusTipAboveCap_NotWithinCapWithReason()
    {
        var options = new FeeOracleOptions { MaxFeePerGasCap = 50 * Gwei };
        var quote = FeeOracle.Quote(History(49, (0.5, 2)), options);

        Assert.False(quote.WithinCap);
        Assert.Contains("exceeds the fee cap of 50 gwei", quote.Reason, StringComparison.Ordinal);
        Assert.Contains("49 gwei", quote.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 50, 1, 1)]
    [InlineData(10, 101, 1, 1)]
    [InlineData(10, 50, 0, 1)]
    [InlineData(10, 50, 1, 0)]
    public void Validate_BadOptions_ThrowNamingTheSetting(int blocks, double percentile, int multiplier, long cap)
    {
        var options = new FeeOracleOptions { BlockCount = blocks, RewardPercentile = percentile, BaseFeeMultiplier = multiplier, MaxFeePerGasCap = cap };
        var error = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.StartsWith("FeeOracleOptions.", error.Message, StringComparison.Ordinal);
    }
}
