using System.IO.Compression;
using System.Net;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// <c>keeper run</c> started while its execution client is not running yet: it waits, <c>/ready</c> says why it is not
/// ready, and it starts once anvil listens. The chain is the harness deployed on a first anvil and loaded, from that
/// anvil's state, into the one started later on the address the node was given.
/// </summary>
public sealed class KeeperStartsBeforeRpcTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("keeper-test-").FullName;
    private NodeProcess? _node;
    private AnvilNode? _anvil;

    private string Log => File.Exists(Path.Combine(_work, "node-1.log")) ? File.ReadAllText(Path.Combine(_work, "node-1.log")) : "(no log)";

    [Fact]
    public async Task KeeperRun_StartedBeforeAnvil_ReportsNotReadyWithTheReasonThenBecomesReadyWhenAnvilStarts()
    {
        // The chain, prepared on an anvil that is gone before the node starts.
        var state = Path.Combine(_work, "state.json");
        string config;
        var rpcPort = LoopbackPorts.Free();
        var httpPort = LoopbackPorts.Free();
        await using (var first = await AnvilNode.StartAsync())
        {
            using var chain = new DevChainClient(first);
            var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
            var dump = (await chain.Rpc.SendAsync("anvil_dumpState", [], CancellationToken.None)).GetString()!;
            await using (var gzip = new GZipStream(new MemoryStream(Hex.Decode(dump)), CompressionMode.Decompress))
            await using (var file = File.Create(state))
            {
                await gzip.CopyToAsync(file);
            }

            config = NodeFiles.Write(_work, "node-1", chain.Keys[1], new Uri($"http://127.0.0.1:{rpcPort}"), harness,
                NodeFiles.Sqlite(Path.Combine(_work, "keeper.db")), blockSeconds: 2, gateEnabled: true,
                $"chain.poll-interval = 100ms\nhttp.port = {httpPort}");
        }

        _node = NodeProcess.Start("node-1", "node-1", config, _work);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var (status, reason) = await PollReadyAsync(http, r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains("execution client", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("waiting for the execution client to answer: eth_chainId failed after", reason, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{rpcPort}", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        _anvil = await AnvilNode.StartAsync(new AnvilOptions { Port = rpcPort, ExtraArguments = ["--load-state", state] });

        (status, reason) = await PollReadyAsync(http, r => r.Status == HttpStatusCode.OK);
        Assert.StartsWith("""{"status":"Healthy","reason":"synced at block """, reason, StringComparison.Ordinal);
        // The status file is written on its own interval, so it may say ready a moment after /ready does.
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (_node.Status?.Ready != true && !wait.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }

        Assert.True(_node.Status?.Ready, $"the status file does not say ready:\n{Log}");
        Assert.Single(Log.Split('\n'), line => line.Contains("The execution client does not answer", StringComparison.Ordinal));
        Assert.Contains("The execution client answers (chain 31337)", Log, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    // Polls /ready until the answer matches: refused connections (the node starting, or the address moving from the
    // start-up endpoints to the host) are retried; the node exiting fails the test.
    private async Task<(HttpStatusCode Status, string Body)> PollReadyAsync(HttpClient http, Func<(HttpStatusCode Status, string Body), bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        (HttpStatusCode Status, string Body) last = default;
        while (true)
        {
            Assert.False(_node!.HasExited, $"the keeper exited instead of waiting (last /ready: {last.Status} {last.Body}):\n{Log}");
            try
            {
                using var response = await http.GetAsync("/ready", timeout.Token);
                last = (response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                Assert.Fail($"/ready did not answer as expected within 90 s (last: {last.Status} {last.Body}):\n{Log}");
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
