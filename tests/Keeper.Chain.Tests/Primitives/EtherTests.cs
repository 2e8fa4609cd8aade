using System.Numerics;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Primitives;

public sealed class EtherTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "0.000000000000000001")]
    [InlineData("1000000000", "0.000000001")]
    [InlineData("1500000000000000000", "1.5")]
    [InlineData("2000000000000000000", "2")]
    [InlineData("123456789012345678901234567890", "123456789012.34567890123456789")]
    [InlineData("-1000000000", "-0.000000001")]
    public void Format_Wei_ExactEtherWithoutTrailingZeros(string wei, string expected) =>
        Assert.Equal(expected, Ether.Format(BigInteger.Parse(wei, System.Globalization.CultureInfo.InvariantCulture)));
}
