using System.Text.Json;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Keeper.Host.Hosting;
using Keeper.Testing.Logging;
using Keeper.Testing.Rpc;
using Keeper.Testing.Time;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Host.Tests.Hosting;

public sealed class ChainWaitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UntilAnswersAsync_ClientDownThenUp_WaitsWithGrowingPausesSaysWhyAndReturnsTheChainId()
    {
        var node = new ChainIdNode(downFor: 3);
        var time = new ManualTimeProvider(Epoch);
        var logger = new CollectingLogger<ChainWait>();
        var wait = new ChainWait(time, logger);

        var answered = wait.UntilAnswersAsync(new EthApi(node).ChainIdAsync, chainId => chainId, CancellationToken.None);
        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var pause = await time.NextScheduledAsync(_ => true, Patience);
            Assert.Contains("waiting for the execution client to answer: eth_chainId failed: connection refused (scripted)", wait.NotReadyReason, StringComparison.Ordinal);
            pauses.Add(pause);
            time.Advance(pause);
        }

        Assert.Equal(31337UL, await answered.WaitAsync(Patience));
        Assert.Equal([500, 1000, 2000], pauses.Select(p => p.TotalMilliseconds));
        Assert.Null(wait.NotReadyReason);
        Assert.Equal(4, node.Calls);
        // Logged once when the wait starts, not at every try, and once when it ends.
        var waiting = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("The execution client does not answer", waiting.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answers (chain 31337)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UntilAnswersAsync_ClientAnswersWithAnError_ThrowsAtOnce()
    {
        var node = new ChainIdNode(downFor: 0) { Refuse = true };
        var wait = new ChainWait(new ManualTimeProvider(Epoch), new CollectingLogger<ChainWait>());

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => wait.UntilAnswersAsync(new EthApi(node).ChainIdAsync, chainId => chainId, CancellationToken.None)).WaitAsync(Patience);

        Assert.Equal(-32601, error.Code);
        Assert.Equal(1, node.Calls);
    }

    [Fact]
    public async Task UntilAnswersAsync_CanceledWhileWaiting_ThrowsOperationCanceled()
    {
        var node = new ChainIdNode(downFor: int.MaxValue);
        var time = new ManualTimeProvider(Epoch);
        var wait = new ChainWait(time, new CollectingLogger<ChainWait>());
        using var stop = new CancellationTokenSource();

        var answered = wait.UntilAnswersAsync(new EthApi(node).ChainIdAsync, chainId => chainId, stop.Token);
        await time.NextScheduledAsync(_ => true, Patience);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answered).WaitAsync(Patience);
    }

    [Fact]
    public async Task UntilAnswersAsync_ClientDropsAfterTheChainId_TheWholeStepIsTriedAgainOnceItAnswers()
    {
        var node = new FlappingNode();
        var time = new ManualTimeProvider(Epoch);
        var logger = new CollectingLogger<ChainWait>();
        var eth = new EthApi(node);
        var wait = new ChainWait(time, logger);
        var tries = 0;

        var result = wait.UntilAnswersAsync(
            async ct =>
            {
                tries++;
                var chainId = await eth.ChainIdAsync(ct);
                var head = await eth.BlockNumberAsync(ct);
                return (chainId, head);
            },
            r => r.chainId,
            CancellationToken.None);
        var pause = await time.NextScheduledAsync(_ => true, Patience);
        Assert.Contains("eth_blockNumber failed: connection reset (scripted)", wait.NotReadyReason, StringComparison.Ordinal);
        time.Advance(pause);

        Assert.Equal((31337UL, 7UL), await result.WaitAsync(Patience));
        Assert.Equal(2, tries);
        Assert.Null(wait.NotReadyReason);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answers (chain 31337)", StringComparison.Ordinal));
    }

    /// <summary>Answers eth_chainId, drops the first eth_blockNumber in transport, then answers everything.</summary>
    private sealed class FlappingNode : ScriptedRpcClient
    {
        private int _blockNumbers;

        protected override Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters) => method switch
        {
            "eth_chainId" => Task.FromResult(JsonSerializer.SerializeToElement("0x7a69")),
            "eth_blockNumber" when Interlocked.Increment(ref _blockNumbers) == 1 =>
                throw new JsonRpcTransportException(method, $"{method} failed: connection reset (scripted)", 1),
            "eth_blockNumber" => Task.FromResult(JsonSerializer.SerializeToElement("0x7")),
            _ => throw new JsonRpcNodeException(method, -32601, "method not found", null),
        };
    }

    /// <summary>An execution client that fails in transport for its first calls, then answers eth_chainId.</summary>
    private sealed class ChainIdNode(int downFor) : ScriptedRpcClient
    {
        private int _calls;

        public bool Refuse { get; init; }

        public int Calls => _calls;

        protected override Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters)
        {
            if (Interlocked.Increment(ref _calls) <= downFor)
            {
                throw new JsonRpcTransportException(method, $"{method} failed: connection refused (scripted)", 1);
            }

            return Refuse
                ? throw new JsonRpcNodeException(method, -32601, "method not found", null)
                : Task.FromResult(JsonSerializer.SerializeToElement("0x7a69"));
        }
    }
}
