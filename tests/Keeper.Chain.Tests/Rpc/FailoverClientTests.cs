using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Testing.Http;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class FailoverClientTests
{
    // Solidity documentation, "Control Structures / revert": revert("Not enough Ether provided.") returns this data.
    private const string NotEnoughEtherRevert =
        "0x08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "000000000000000000000000000000000000000000000000000000000000001a"
        + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";

    [Fact]
    public async Task SendAsync_ServerAnswers_ReturnsResultAndSendsJsonRpc20Request()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Answer("0x10d4f"));
        using var client = new FailoverClient(FastOptions(server.Url));

        var result = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();

        Assert.Equal("0x10d4f", result.GetString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = Body(request).AsObject();
        Assert.Equal("2.0", body["jsonrpc"]!.GetValue<string>());
        Assert.Equal("eth_blockNumber", body["method"]!.GetValue<string>());
        Assert.Empty(body["params"]!.AsArray());
        Assert.Equal(1, body["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task SendAsync_SeveralCalls_UseUniqueIncreasingIds()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Answer(1), 3);
        using var client = new FailoverClient(FastOptions(server.Url));

        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync("eth_chainId", [], CancellationToken.None).Within();
        }

        var ids = server.Requests.Select(r => Body(r)["id"]!.GetValue<long>()).ToArray();
        Assert.Equal([1L, 2L, 3L], ids);
    }

    [Fact]
    public async Task SendAsync_ObjectResult_IsDetachedFromTheResponseDocument()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Answer(new JsonObject { ["number"] = "0x1", ["hash"] = "0xabc" }));
        using var client = new FailoverClient(FastOptions(server.Url));

        var block = await client.SendAsync("eth_getBlockByNumber", ["latest", false], CancellationToken.None).Within();

        // The response document is disposed by now; a clone stays readable.
        GC.Collect();
        Assert.Equal("0xabc", block.GetProperty("hash").GetString());
        Assert.Equal("0x1", block.GetProperty("number").GetString());
    }

    [Fact]
    public async Task SendAsync_NullResult_ReturnsNullElement()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Answer(null));
        using var client = new FailoverClient(FastOptions(server.Url));

        var receipt = await client.SendAsync("eth_getTransactionReceipt", [Hash32.Zero], CancellationToken.None).Within();

        Assert.Equal(JsonValueKind.Null, receipt.ValueKind);
    }

    [Fact]
    public async Task SendAsync_NodeError_ThrowsAtOnceWithCodeMessageAndRevertData()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Error(3, "execution reverted: Not enough Ether provided.", NotEnoughEtherRevert));
        using var client = new FailoverClient(FastOptions(server.Url));

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(
            () => client.SendAsync("eth_call", [new JsonObject(), "latest"], CancellationToken.None)).Within();

        Assert.Equal(3, error.Code);
        Assert.Equal("execution reverted: Not enough Ether provided.", error.NodeMessage);
        Assert.Equal("eth_call", error.Method);
        Assert.Equal(Hex.Decode(NotEnoughEtherRevert), error.RevertData);
        Assert.Equal(NotEnoughEtherRevert, error.ErrorData!.Value.GetString());
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, client.ErrorCount);
    }

    [Fact]
    public async Task SendAsync_NonceTooLow_ThrowsAtOnceAndIsNotRetried()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Error(-32000, "nonce too low"));
        server.Enqueue(Answer("0xhash"));
        using var client = new FailoverClient(FastOptions(server.Url));

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(
            () => client.SendAsync("eth_sendRawTransaction", ["0x02f8"], CancellationToken.None)).Within();

        Assert.Equal(-32000, error.Code);
        Assert.Equal("nonce too low", error.NodeMessage);
        Assert.Null(error.ErrorData);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task SendAsync_NodeErrorWithHttp400_ThrowsNodeErrorWithoutRetry()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Compute(request => new ScriptedResponse(
            400, JsonRpcReplies.Error(Body(request).AsObject(), -32602, "invalid argument 0").ToJsonString())));
        using var client = new FailoverClient(FastOptions(server.Url));

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(
            () => client.SendAsync("eth_getBalance", ["nonsense"], CancellationToken.None)).Within();

        Assert.Equal(-32602, error.Code);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task SendBatchAsync_ServerAnswersInReverseOrder_ReturnsResponsesInRequestOrder()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Results((method, parameters) => $"{method}:{parameters[0]}", entries => entries.Reverse()));
        using var client = new FailoverClient(FastOptions(server.Url));
        JsonRpcRequest[] requests = [new("eth_getBalance", ["a"]), new("eth_getCode", ["b"]), new("eth_getBalance", ["c"])];

        var responses = await client.SendBatchAsync(requests, CancellationToken.None).Within();

        Assert.Equal(["eth_getBalance:a", "eth_getCode:b", "eth_getBalance:c"], responses.Select(r => r.GetResultOrThrow().GetString()));
        Assert.Equal(["eth_getBalance", "eth_getCode", "eth_getBalance"], responses.Select(r => r.Method));
        var sent = Body(Assert.Single(server.Requests)).AsArray();
        var ids = sent.Select(c => c!["id"]!.GetValue<long>()).ToArray();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.True(ids[0] < ids[1] && ids[1] < ids[2], "batch ids must increase");
        Assert.Equal(1, client.BatchCount);
    }

    [Fact]
    public async Task SendBatchAsync_OneEntryFails_ReturnsThatErrorAndTheOtherResults()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Map(call => call["method"]!.GetValue<string>() == "eth_call"
            ? JsonRpcReplies.Error(call, 3, "execution reverted", NotEnoughEtherRevert)
            : JsonRpcReplies.Result(call, "0x1")));
        using var client = new FailoverClient(FastOptions(server.Url));

        var responses = await client.SendBatchAsync([new("eth_chainId", []), new("eth_call", [])], CancellationToken.None).Within();

        Assert.True(responses[0].IsSuccess);
        Assert.Equal("0x1", responses[0].GetResultOrThrow().GetString());
        Assert.False(responses[1].IsSuccess);
        Assert.Equal(3, responses[1].Error!.Code);
        Assert.Equal(Hex.Decode(NotEnoughEtherRevert), responses[1].Error!.RevertData);
        Assert.Throws<JsonRpcNodeException>(() => responses[1].GetResultOrThrow());
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task SendBatchAsync_Empty_ReturnsEmptyWithoutRequest()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        using var client = new FailoverClient(FastOptions(server.Url));

        var responses = await client.SendBatchAsync([], CancellationToken.None).Within();

        Assert.Empty(responses);
        Assert.Equal(0, server.RequestCount);
        Assert.Equal(0, client.RequestCount);
    }

    [Fact]
    public async Task Counters_AfterCallsAndBatches_CountRequestsErrorsAndBatches()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Respond(500, "down"), Answer("0x1"), Answer("0x2"));
        server.Enqueue(JsonRpcReplies.Results((_, _) => "0x3"));
        using var client = new FailoverClient(FastOptions(server.Url));

        await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();
        await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();
        await client.SendBatchAsync([new("eth_chainId", []), new("eth_gasPrice", [])], CancellationToken.None).Within();

        Assert.Equal(4, client.RequestCount);
        Assert.Equal(1, client.ErrorCount);
        Assert.Equal(1, client.BatchCount);
    }

    [Fact]
    public async Task SendAsync_AfterDispose_ThrowsObjectDisposedException()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        var client = new FailoverClient(FastOptions(server.Url));
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.SendAsync("eth_chainId", [], CancellationToken.None)).Within();
    }

    [Fact]
    public async Task SendAsync_ConcurrentCalls_EachGetsItsOwnResult()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Results((_, parameters) => parameters[0]!.DeepClone()), 20);
        using var client = new FailoverClient(FastOptions(server.Url));

        var calls = Enumerable.Range(0, 20).Select(i => client.SendAsync("echo", [i], CancellationToken.None)).ToArray();
        var results = await Task.WhenAll(calls).Within();

        Assert.Equal(Enumerable.Range(0, 20), results.Select(r => r.GetInt32()));
        Assert.Equal(20, client.RequestCount);
        Assert.Equal(20, server.Requests.Select(r => Body(r)["id"]!.GetValue<long>()).Distinct().Count());
    }

    [Fact]
    public async Task Dispose_WithCallersHandler_LeavesItUsable()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Answer("0x1"), Answer("0x2"));
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler, disposeHandler: false);
        var client = new FailoverClient(FastOptions(server.Url), handler);
        await client.SendAsync("eth_chainId", [], CancellationToken.None).Within();

        client.Dispose();

        using var response = await http.PostAsync(server.Url, new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""")).Within();
        Assert.True(response.IsSuccessStatusCode);
    }
}
