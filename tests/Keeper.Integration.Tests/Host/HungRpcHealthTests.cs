using System.CommandLine;
using System.Net;
using System.Text.Json;
using Keeper.Chain.Rpc;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Host.Hosting;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Keeper.Testing.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Keeper.Integration.Tests.Host;

/// <summary>
/// A keeper node (the host <c>keeper run</c> builds, in this process, on anvil with the harness) whose only RPC endpoint
/// starts to accept every request and never answer: its health surface keeps answering from memory, and <c>/ready</c>
/// names the RPC once the attempt deadline has passed. And a node whose signer is emptied is not ready, naming the signer.
/// </summary>
public sealed class HungRpcHealthTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    // Long enough that a held call is provably still outstanding when /metrics and /ready have answered, even on a
    // loaded machine; short enough that the node declares the RPC unreachable soon after.
    private const int RpcTimeoutSeconds = 10;
    private readonly string _work = Directory.CreateTempSubdirectory("keeper-hung-rpc-").FullName;
    private AnvilNode? _anvil;
    private DevChainClient? _chain;
    private HoldingRpcProxy? _proxy;
    private string _config = string.Empty;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_anvil);
        var harness = await RocketPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
        var megapool = await harness.CreateMegapoolAsync(_chain.Keys[5].Address);
        await harness.AssignAsync(megapool, await harness.NewValidatorAsync(megapool));
        _proxy = await HoldingRpcProxy.StartAsync(_anvil.RpcUrl);
        // A path standing for an API key: it must never appear in what the node reports.
        var rpc = new Uri(_proxy.Url, "v3/secret-key-123");
        _config = NodeFiles.Write(_work, "node-1", _chain.Keys[1], rpc, harness, NodeFiles.Sqlite(Path.Combine(_work, "keeper.db")), blockSeconds: 2, gateEnabled: true,
            $"chain.poll-interval = 100ms\nchain.rpc-timeout = {RpcTimeoutSeconds}s");
    }

    public async Task DisposeAsync()
    {
        _chain?.Dispose();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task RpcHangs_MetricsAndReadyAnswerWhileTheCallIsOutstanding_ThenReadyIs503NamingTheRpc()
    {
        var settings = KeeperSettingsLoader.Load(_config);
        await using var app = KeeperHost.Build(settings, NodeSigner.Load(settings.Signer), new KeeperHostOptions());
        using var timeout = new CancellationTokenSource(Patience);
        await app.PrepareAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        using var http = new HttpClient { BaseAddress = app.Services.GetRequiredService<IServer>().KeeperHttpAddress(), Timeout = TimeSpan.FromSeconds(60) };
        await PollReadyAsync(http, (code, _) => code == HttpStatusCode.OK, "200 once the node has read the chain", timeout.Token);
        var node = app.Services.GetRequiredService<KeeperNode>();

        // The board catches up with the registry within a publishing period of /ready turning 200.
        while (node.GetStatus().Megapools != 1)
        {
            await Task.Delay(100, timeout.Token);
        }

        var headBefore = node.GetStatus().HeadNumber;
        Assert.True(headBefore > 0, "the node was ready without a head");
        _proxy!.Stall();
        var held = await _proxy.FirstHeld.WaitAsync(timeout.Token);
        using var metrics = await http.GetAsync("/metrics", timeout.Token);
        var metricsText = await metrics.Content.ReadAsStringAsync(timeout.Token);
        using var ready = await http.GetAsync("/ready", timeout.Token);
        var stillOutstanding = _proxy.StillHeld(held);

        Assert.True(stillOutstanding, $"the node gave up the held call #{held} before /metrics and /ready answered: the test proved nothing (rpc-timeout {RpcTimeoutSeconds} s)");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        // The head the node had read before the RPC hung (a poll finishing just then may move it on: never below).
        var head = ulong.Parse(System.Text.RegularExpressions.Regex.Match(metricsText, "\nkeeper_head_block ([0-9]+)\n").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(head, headBefore, node.GetStatus().HeadNumber);
        Assert.Contains("\nkeeper_pools_tracked{kind=\"megapool\"} 1\n", metricsText, StringComparison.Ordinal);
        Assert.Contains("\nprocess_cpu_seconds_total ", metricsText, StringComparison.Ordinal);
        Assert.True(ready.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"/ready answered {ready.StatusCode}");

        // Once the held call is past the attempt deadline, the RPC counts as unreachable since that call was sent.
        var (_, reason) = await PollReadyAsync(http, (code, body) => code == HttpStatusCode.ServiceUnavailable && body.Contains("RPC unreachable", StringComparison.Ordinal), "503 naming the RPC", timeout.Token);
        var endpoint = $"#0 http://127.0.0.1:{_proxy.Url.Port}";
        Assert.Matches($@"^RPC unreachable since \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(endpoint {System.Text.RegularExpressions.Regex.Escape(endpoint)}\)$", reason);
        var down = await http.GetStringAsync("/metrics", timeout.Token);
        Assert.Contains($"\nkeeper_rpc_endpoint_up{{endpoint=\"{endpoint}\"}} 0\n", down, StringComparison.Ordinal);
        Assert.Contains("\nkeeper_ready 0\n", down, StringComparison.Ordinal);
        Assert.Contains($"keeper_rpc_requests_total{{endpoint=\"{endpoint}\",method=\"eth_getBlockByNumber\"}} ", down, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", down, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", await http.GetStringAsync("/api/status", timeout.Token), StringComparison.Ordinal);

        // keeper status reads the same state: the node runs, is not ready, and says why.
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await KeeperCli.Create(new Dictionary<string, string>()).Parse(["status", "--url", http.BaseAddress!.ToString()])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token);
        Assert.Equal((ExitCodes.Ok, string.Empty), (exitCode, error.ToString()));
        Assert.StartsWith($"Node node-1 ({node.Address}): not ready: RPC unreachable since ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\nRPC {endpoint}: unreachable since ", output.ToString(), StringComparison.Ordinal);

        // The proxy lets go first, so the node's actors need not wait out their RPC calls to stop.
        await _proxy.DisposeAsync();
        _proxy = null;
        await app.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task SignerEmptied_ReadyIs503NamingTheSignerAndTheFix_BackWhenFunded()
    {
        var settings = KeeperSettingsLoader.Load(_config);
        await using var app = KeeperHost.Build(settings, NodeSigner.Load(settings.Signer), new KeeperHostOptions());
        using var timeout = new CancellationTokenSource(Patience);
        await app.PrepareAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        using var http = new HttpClient { BaseAddress = app.Services.GetRequiredService<IServer>().KeeperHttpAddress(), Timeout = TimeSpan.FromSeconds(60) };
        await PollReadyAsync(http, (code, _) => code == HttpStatusCode.OK, "200 once the node has read the chain", timeout.Token);
        var signer = _chain!.Keys[1].Address;

        await SetBalanceAsync(signer, 0, timeout.Token);
        var (_, reason) = await PollReadyMiningAsync(http, (code, body) => code == HttpStatusCode.ServiceUnavailable && body.Contains("signer balance is zero", StringComparison.Ordinal), "503 naming the empty signer", timeout.Token);
        await SetBalanceAsync(signer, Keeper.Chain.Primitives.Ether.WeiPerEther, timeout.Token);
        await PollReadyMiningAsync(http, (code, _) => code == HttpStatusCode.OK, "200 once the signer holds ETH again", timeout.Token);

        Assert.StartsWith($"signer balance is zero: {signer} holds 0 ETH at block ", reason, StringComparison.Ordinal);
        Assert.EndsWith("; send ETH to it", reason, StringComparison.Ordinal);
    }

    private Task SetBalanceAsync(Keeper.Chain.Primitives.Address account, System.Numerics.BigInteger wei, CancellationToken cancellationToken) =>
        _chain!.Rpc.SendAsync("anvil_setBalance", [account.ToLowerHex(), Keeper.Chain.Primitives.Hex.EncodeQuantity(wei)], cancellationToken);

    // The balance is read at heads (every few while it is above the floor): blocks are mined while /ready is asked.
    private async Task<(HttpStatusCode Code, string Reason)> PollReadyMiningAsync(HttpClient http, Func<HttpStatusCode, string, bool> done, string expected, CancellationToken cancellationToken)
    {
        using var mining = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var miner = Task.Run(async () =>
        {
            while (!mining.IsCancellationRequested)
            {
                await _chain!.MineAsync(1, mining.Token);
                await Task.Delay(100, mining.Token);
            }
        }, mining.Token);
        try
        {
            return await PollReadyAsync(http, done, expected, cancellationToken);
        }
        finally
        {
            await mining.CancelAsync();
            await miner.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<(HttpStatusCode Code, string Reason)> PollReadyAsync(HttpClient http, Func<HttpStatusCode, string, bool> done, string expected, CancellationToken cancellationToken)
    {
        var last = (Code: (HttpStatusCode)0, Reason: string.Empty);
        try
        {
            while (true)
            {
                using var response = await http.GetAsync("/ready", cancellationToken);
                var reason = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("reason").GetString() ?? string.Empty;
                last = (response.StatusCode, reason);
                if (done(response.StatusCode, reason))
                {
                    return last;
                }

                await Task.Delay(200, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"/ready never answered {expected} (last: {last.Code} \"{last.Reason}\")");
            throw;
        }
    }
}
