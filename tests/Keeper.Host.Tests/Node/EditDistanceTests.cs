using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Node;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "port", 4)]
    [InlineData("port", "port", 0)]
    [InlineData("HTTP", "http", 0)]
    [InlineData("max-fee-per-gwei", "max-fee-per-gas-gwei", 4)]
    [InlineData("prot", "port", 2)]
    public void Between_TwoTexts_CountsEditsIgnoringCase(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(6, 2)]
    [InlineData(9, 3)]
    [InlineData(16, 5)]
    public void Allowance_TextLength_IsAThirdAndAtLeastTwo(int length, int expected)
    {
        Assert.Equal(expected, EditDistance.Allowance(length));
    }
}
