using System.Net;
using System.Net.Sockets;
using Keeper.Host.Cli;
using Keeper.Host.Tests.Http;
using Xunit;

namespace Keeper.Host.Tests.Cli;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_RunningNode_PrintsPoolsDeadlinesPendingTransactionsAndMembers()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--url", http.Address.ToString());

        Assert.Equal((ExitCodes.Ok, string.Empty), (exitCode, error));
        var lines = output.Split('\n');
        Assert.Equal($"Node node-1 ({FakeNodeView.Self}): ready", lines[0]);
        Assert.Contains("Head: #120 at 2023-11-14T22:13:20Z", lines);
        Assert.Contains("Pools tracked: 3 megapool(s), 2 minipool(s), 4 tracker(s) live", lines);
        Assert.Contains("Upcoming deadlines: 1 due, 2 waiting", lines);
        Assert.Contains($"  2023-11-14T22:13:30Z  due now       dissolve:minipool:{FakeNodeView.Minipool.ToLowerHex()}  [in-flight]", lines);
        Assert.Contains($"  2023-11-14T22:15:12Z  in 1m 40s     dissolve:megapool:{FakeNodeView.Megapool.ToLowerHex()}:0", lines);
        Assert.Contains("Pending transactions: 1 (of 3; next nonce 3)", lines);
        Assert.Contains($"  nonce 2  Pending  dissolve:minipool:{FakeNodeView.Minipool.ToLowerHex()}  {FakeNodeView.Hash(3)}", lines);
        Assert.Contains("Cluster members: 3 (store reachable)", lines);
        Assert.Contains($"  0. {FakeNodeView.Other}  Up  node-2  akka.tcp://keeper@127.0.0.1:4002", lines);
        Assert.Contains($"  1. {FakeNodeView.Self}  Up  node-1  akka.tcp://keeper@127.0.0.1:4001  (this node)", lines);
        Assert.Contains($"  - {FakeNodeView.Gone}  Unreachable (Up)  node-3  akka.tcp://keeper@127.0.0.1:4003", lines);
        Assert.Contains($"Next due task: dissolve:minipool:{FakeNodeView.Minipool.ToLowerHex()} (due 1700000010): turn of {FakeNodeView.Other}", lines);
        var operators = Array.IndexOf(lines, "Operators: 3 (deposit credit / megapool debt / refund value, ETH)");
        Assert.True(operators > 0, $"Expected the operators' heading in:\n{output}");
        Assert.Equal(
            [
                $"  {FakeNodeView.Self}  megapool {FakeNodeView.Megapool}  credit 0.000000  debt 0.050000  refund 3.000000  at #118  (own)",
                $"  {FakeNodeView.Other}  megapool {FakeNodeView.OtherMegapool}  credit 4.000000  debt 0.000000  refund 0.000000  at #118",
                $"  (node unknown)  megapool {FakeNodeView.Minipool}  not read yet",
            ],
            lines[(operators + 1)..(operators + 4)]);
    }

    [Fact]
    public async Task Status_NothingListening_ExitsFailedWithAClearMessage()
    {
        var port = FreePort();

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--url", $"http://127.0.0.1:{port}", "--timeout", "5");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"keeper status: cannot reach a keeper node at http://127.0.0.1:{port}: connection refused (nothing listens there): the node is down", error, StringComparison.Ordinal);
        Assert.Contains("Is `keeper run` running", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NodeNotReady_NamesEveryReasonAndTheRpcEndpoints()
    {
        var node = new FakeNodeView
        {
            RpcEndpoints = [new Keeper.Chain.Rpc.RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DateTimeOffset.FromUnixTimeSeconds(1_700_000_005), 1)],
        };
        await using var http = await HttpServerFixture.StartAsync(node);

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--url", http.Address.ToString());

        Assert.Equal((ExitCodes.Ok, string.Empty), (exitCode, error));
        var lines = output.Split('\n');
        Assert.Equal($"Node node-1 ({FakeNodeView.Self}): not ready: RPC unreachable since 2023-11-14T22:13:25Z (endpoint #0 http://127.0.0.1:8545)", lines[0]);
        Assert.Contains("RPC #0 http://127.0.0.1:8545: unreachable since 2023-11-14T22:13:25Z, last answer 2023-11-14T22:13:20Z", lines);
    }

    [Fact]
    public async Task Status_NodeAcceptsButNeverAnswers_ExitsNodeSlowSayingItRuns()
    {
        // The operating system accepts connections into the listener's backlog; nothing ever reads or answers them.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var statusFile = Path.GetTempFileName();
        try
        {
            var (exitCode, output, error) = await CliRunner.RunAsync("status", "--url", $"http://127.0.0.1:{port}", "--timeout", "1", "--status-file", statusFile);

            Assert.Equal((ExitCodes.NodeSlow, string.Empty), (exitCode, output));
            Assert.StartsWith($"keeper status: the keeper node at http://127.0.0.1:{port} accepted the connection but did not answer within 1 s: it runs, but answers slowly", error, StringComparison.Ordinal);
            Assert.Contains("ago: the node's process runs.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(statusFile);
        }
    }

    [Fact]
    public async Task Status_UrlWithCredentials_ErrorMasksThem()
    {
        var port = FreePort();

        var (exitCode, _, error) = await CliRunner.RunAsync("status", "--url", $"http://admin:hunter2@127.0.0.1:{port}/secret-path", "--timeout", "5");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
