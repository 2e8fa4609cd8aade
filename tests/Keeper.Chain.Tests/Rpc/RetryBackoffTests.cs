using System.Net.Http.Headers;
using Keeper.Chain.Rpc;
using Xunit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class RetryBackoffTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 250)]
    [InlineData(2, 500)]
    [InlineData(3, 1000)]
    [InlineData(6, 8000)]
    [InlineData(7, 10_000)]
    [InlineData(10_000, 10_000)]
    public void Exponential_DefaultOptions_DoublesFrom250MsUpTo10Seconds(int retry, int expectedMs)
    {
        var options = new FailoverClientOptions { Endpoints = [new Uri("http://127.0.0.1:8545")] };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryBackoff.Exponential(options, retry));
    }

    [Fact]
    public void Exponential_MultiplierOne_KeepsTheInitialBackoff()
    {
        var options = new FailoverClientOptions { Endpoints = [new Uri("http://127.0.0.1:8545")], BackoffMultiplier = 1 };

        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryBackoff.Exponential(options, 50));
    }

    [Fact]
    public void RetryNotBefore_DeltaSeconds_IsNowPlusDelta()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(Now.AddSeconds(7), RetryBackoff.RetryNotBefore(response.Headers, Now));
    }

    [Fact]
    public void RetryNotBefore_HttpDate_IsThatDate()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", "Wed, 01 Jan 2025 00:00:30 GMT");

        Assert.Equal(Now.AddSeconds(30), RetryBackoff.RetryNotBefore(response.Headers, Now));
    }

    [Fact]
    public void RetryNotBefore_NoHeader_IsNull()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RetryBackoff.RetryNotBefore(response.Headers, Now));
    }
}
