using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Rpc;
using Keeper.Chain.Tests.Fakes;
using Xunit;

namespace Keeper.Chain.Tests.Logs;

public sealed class LogFetcherTests
{
    private static LogFilter Filter(ulong from, ulong to) => new(from, to, [], []);

    [Fact]
    public async Task GetLogs_RangeWithinLimit_UsesOneRequestPerSpan()
    {
        var chain = new FakeChain(100);
        var fetcher = new LogFetcher(new EthApi(chain), new LogFetcherOptions { MaxBlocksPerRequest = 40 });

        var logs = await fetcher.GetLogsAsync(Filter(0, 99), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (ulong)i), logs.Select(l => l.BlockNumber));
        Assert.Equal(3, chain.Calls.Count(c => c == "eth_getLogs"));
    }

    [Fact]
    public async Task GetLogs_NodeRefusesLargeRange_SplitsAndCoversEveryBlockOnce()
    {
        var chain = new FakeChain(1000) { MaxLogRange = 70 };
        var fetcher = new LogFetcher(new EthApi(chain), new LogFetcherOptions { MaxBlocksPerRequest = 1000 });

        var logs = await fetcher.GetLogsAsync(Filter(3, 997), CancellationToken.None);

        Assert.Equal(Enumerable.Range(3, 995).Select(i => (ulong)i), logs.Select(l => l.BlockNumber));
        Assert.True(fetcher.CurrentSpan <= 70, $"the fetcher should remember a span the node accepts; it is {fetcher.CurrentSpan}");
    }

    [Fact]
    public async Task GetLogs_SpanRemembered_LaterRangesDoNotHitTheLimitAgain()
    {
        var chain = new FakeChain(1000) { MaxLogRange = 100 };
        var fetcher = new LogFetcher(new EthApi(chain), new LogFetcherOptions { MaxBlocksPerRequest = 800 });
        await fetcher.GetLogsAsync(Filter(0, 799), CancellationToken.None);
        chain.Calls.Clear();

        await fetcher.GetLogsAsync(Filter(0, 199), CancellationToken.None);

        Assert.Equal(2, chain.Calls.Count(c => c == "eth_getLogs"));
    }

    [Fact]
    public async Task GetLogs_NodeRefusesSingleBlock_Throws()
    {
        var chain = new FakeChain(10) { MaxLogRange = 0 };
        var fetcher = new LogFetcher(new EthApi(chain));

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => fetcher.GetLogsAsync(Filter(0, 9), CancellationToken.None));
        Assert.Equal(-32005, error.Code);
    }

    [Fact]
    public async Task GetLogs_EmptyRange_Throws()
    {
        var fetcher = new LogFetcher(new EthApi(new FakeChain(10)));
        await Assert.ThrowsAsync<ArgumentException>(() => fetcher.GetLogsAsync(Filter(5, 4), CancellationToken.None));
    }

    [Theory]
    [InlineData(-32602, "query returned more than 10000 results")]
    [InlineData(-32000, "block range is too large")]
    [InlineData(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range")]
    [InlineData(-32005, "anything")]
    public void IsRangeTooLarge_KnownProviderMessages_True(int code, string message) =>
        Assert.True(LogFetcher.IsRangeTooLarge(new JsonRpcNodeException("eth_getLogs", code, message, null)));

    [Fact]
    public void IsRangeTooLarge_UnrelatedError_False() =>
        Assert.False(LogFetcher.IsRangeTooLarge(new JsonRpcNodeException("eth_getLogs", -32602, "invalid argument 0: hex string has length 3", null)));
}
