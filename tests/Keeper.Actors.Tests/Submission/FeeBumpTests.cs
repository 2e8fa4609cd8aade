using System.Numerics;
using Keeper.Actors.Submission;
using Keeper.Chain.Fees;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class FeeBumpTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)] // ceil(1.125) + 1
    [InlineData(8, 10)] // exactly 9, + 1
    [InlineData(1000, 1126)]
    [InlineData(1_000_000_000, 1_125_000_001)]
    public void Bump_KnownValues_CeilOf1125PermillePlusOne(long fee, long expected) =>
        Assert.Equal(new BigInteger(expected), FeeBump.Bump(fee));

    [Fact]
    public void Next_SeededFees_BothFieldsRiseAtLeast12AndAHalfPercentAndTipNeverAboveCap()
    {
        var random = new Random(1234);
        for (var i = 0; i < 10_000; i++)
        {
            var maxFee = new BigInteger(random.NextInt64(0, 1_000_000_000_000));
            var tip = maxFee.IsZero ? BigInteger.Zero : new BigInteger(random.NextInt64(0, (long)maxFee + 1));

            var next = FeeBump.Next(maxFee, tip, null, BigInteger.Pow(10, 18));

            Assert.True(next.MaxFeePerGas * 1000 > maxFee * 1125, $"max fee {maxFee} -> {next.MaxFeePerGas}");
            Assert.True(next.MaxPriorityFeePerGas * 1000 > tip * 1125, $"tip {tip} -> {next.MaxPriorityFeePerGas}");
            Assert.True(next.MaxPriorityFeePerGas <= next.MaxFeePerGas);
            Assert.True(next.WithinCap);
        }
    }

    [Fact]
    public void Next_BumpAboveCap_NotWithinCap()
    {
        var next = FeeBump.Next(90, 10, null, 101);

        Assert.False(next.WithinCap);
        Assert.Equal(new BigInteger(103), next.MaxFeePerGas);
    }

    [Fact]
    public void Next_MarketHigherThanBump_TakesTheMarket()
    {
        var market = new FeeQuote(500, 40, 1040, WithinCap: true, null);

        var next = FeeBump.Next(100, 10, market, 2000);

        Assert.Equal(new BigInteger(1040), next.MaxFeePerGas);
        Assert.Equal(new BigInteger(40), next.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Next_MarketAboveCap_Ignored()
    {
        var market = new FeeQuote(5000, 40, 2000, WithinCap: false, "spike");

        var next = FeeBump.Next(100, 10, market, 2000);

        Assert.Equal(FeeBump.Bump(100), next.MaxFeePerGas);
        Assert.True(next.WithinCap);
    }
}
