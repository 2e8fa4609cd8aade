using System.Globalization;
using System.Text.Json.Nodes;
using Keeper.Chain.Rpc;
using Keeper.Testing.Http;
using Keeper.Testing.Logging;
using Keeper.Testing.Time;
using Microsoft.Extensions.Logging;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class FailoverClientRetryTests
{
    [Theory]
    [InlineData("http-500")]
    [InlineData("http-502")]
    [InlineData("http-429-json-body")]
    [InlineData("malformed-json")]
    [InlineData("html-error-page")]
    [InlineData("wrong-id")]
    [InlineData("string-id")]
    [InlineData("jsonrpc-1.0")]
    [InlineData("jsonrpc-missing")]
    [InlineData("neither-result-nor-error")]
    [InlineData("array-for-single-call")]
    [InlineData("rate-limited-32005")]
    [InlineData("error-without-code")]
    [InlineData("abort-connection")]
    [InlineData("http-403-not-json")]
    public async Task SendAsync_TransportFailureThenSuccess_RetriesAndReturnsResult(string failure)
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Broken(failure), Answer("0x1"));
        using var client = new FailoverClient(FastOptions(server.Url));

        var result = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();

        Assert.Equal("0x1", result.GetString());
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, client.RequestCount);
        Assert.Equal(1, client.ErrorCount);
    }

    [Theory]
    [InlineData("wrong-id")]
    [InlineData("missing-entry")]
    [InlineData("duplicate-id")]
    [InlineData("extra-entry")]
    [InlineData("single-error-object")]
    [InlineData("entry-neither-result-nor-error")]
    [InlineData("entry-rate-limited")]
    [InlineData("entry-not-an-object")]
    public async Task SendBatchAsync_ProtocolFailureThenSuccess_RetriesTheBatch(string failure)
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(BrokenBatch(failure), JsonRpcReplies.Results((method, _) => method));
        using var client = new FailoverClient(FastOptions(server.Url));

        var responses = await client.SendBatchAsync(
            [new("eth_chainId", []), new("eth_blockNumber", []), new("eth_gasPrice", [])], CancellationToken.None).Within();

        Assert.Equal(["eth_chainId", "eth_blockNumber", "eth_gasPrice"], responses.Select(r => r.GetResultOrThrow().GetString()));
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, client.ErrorCount);
        Assert.Equal(2, client.BatchCount);
    }

    [Fact]
    public async Task SendBatchAsync_NodeAlwaysAnswersWithOneErrorObject_ThrowsTransportExceptionSayingSo()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(BrokenBatch("single-error-object"), 3);
        using var client = new FailoverClient(FastOptions(server.Url) with { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(
            () => client.SendBatchAsync([new("eth_chainId", []), new("eth_blockNumber", [])], CancellationToken.None)).Within();

        Assert.Equal(FailoverClient.BatchMethod, error.Method);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("got a JSON object", error.Message, StringComparison.Ordinal);
        Assert.Contains("batch too large", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task SendAsync_AllAttemptsFail_ThrowsTransportExceptionWithMethodAttemptsReasonAndEndpoint()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Respond(503, "busy"), 4);
        var logger = new CollectingLogger<FailoverClient>();
        using var client = new FailoverClient(FastOptions(server.Url) with { MaxAttempts = 4 }, logger: logger);

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(
            () => client.SendAsync("eth_getLogs", [], CancellationToken.None)).Within();

        var retries = logger.Entries.Where(e => e.EventId.Id == 1).ToArray();
        Assert.Equal(3, retries.Length);
        // Each attempt at debug level; the operator reads one warning: the endpoint stopped answering.
        Assert.All(retries, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.StartsWith($"JSON-RPC eth_getLogs attempt 1/4 to endpoint #0 http://127.0.0.1:{server.Url.Port} failed: HTTP 503", retries[0].Message, StringComparison.Ordinal);
        var final = Assert.Single(logger.Entries, e => e.EventId.Id == 4);
        Assert.Equal(LogLevel.Debug, final.Level);
        var failing = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(6, failing.EventId.Id);
        Assert.StartsWith($"JSON-RPC endpoint #0 http://127.0.0.1:{server.Url.Port} stopped answering: ", failing.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", failing.Message, StringComparison.Ordinal);

        Assert.Equal("eth_getLogs", error.Method);
        Assert.Equal(4, error.Attempts);
        Assert.Contains("eth_getLogs failed after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Contains($"#0 http://127.0.0.1:{server.Url.Port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.RequestCount);
        Assert.Equal(4, client.ErrorCount);
    }

    [Fact]
    public async Task SendAsync_RateLimitedEveryTime_ThrowsTransportExceptionCarryingTheNodeError()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Error(-32005, "limit exceeded"), 2);
        using var client = new FailoverClient(FastOptions(server.Url) with { MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(
            () => client.SendAsync("eth_call", [], CancellationToken.None)).Within();

        Assert.Contains("-32005", error.Message, StringComparison.Ordinal);
        Assert.Equal(-32005, Assert.IsType<JsonRpcNodeException>(error.InnerException).Code);
    }

    [Fact]
    public async Task SendAsync_ResponseLargerThanLimit_FailsTheAttemptWithOrWithoutContentLength()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        var huge = JsonRpcReplies.Map(call => JsonRpcReplies.Result(call, new string('a', 5000)));
        server.Enqueue(huge);
        server.Enqueue(ScriptedBehavior.Compute(request => huge.RespondTo!(request) with { Chunked = true }));
        server.Enqueue(Answer("0x1"));
        var logger = new CollectingLogger<FailoverClient>();
        using var client = new FailoverClient(FastOptions(server.Url) with { MaxResponseBytes = 1000 }, logger: logger);

        var result = await client.SendAsync("eth_getCode", [], CancellationToken.None).Within();

        Assert.Equal("0x1", result.GetString());
        Assert.Equal(2, client.ErrorCount);
        var reasons = logger.Entries.Where(e => e.EventId.Id == 1).Select(e => e.Message).ToArray();
        Assert.Equal(2, reasons.Length);
        Assert.All(reasons, r => Assert.Contains("exceeds the limit of 1000 bytes", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_RequestHangsPastRequestTimeout_RetriesAsTransportFailure()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Hang(), Answer("0x1"));
        var time = new ManualTimeProvider(Epoch);
        var timeout = TimeSpan.FromSeconds(5);
        using var client = new FailoverClient(FastOptions(server.Url) with { RequestTimeout = timeout }, timeProvider: time);

        var call = client.SendAsync("eth_blockNumber", [], CancellationToken.None);
        await server.WaitForRequestAsync(1, Patience);
        Assert.Equal(timeout, await time.NextScheduledAsync(d => d == timeout, Patience));
        time.Advance(timeout);

        Assert.Equal("0x1", (await call.Within()).GetString());
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, client.ErrorCount);
    }

    [Fact]
    public async Task SendAsync_RequestHangsWithRealClock_TimesOutAndThrowsAfterAllAttempts()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Hang(), 2);
        using var client = new FailoverClient(FastOptions(server.Url) with { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(
            () => client.SendAsync("eth_blockNumber", [], CancellationToken.None)).Within();

        Assert.Contains("no complete response within 200 ms", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsWhileRequestHangs_ThrowsOperationCanceledWithoutRetry()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Hang(), Answer("0x1"));
        using var client = new FailoverClient(FastOptions(server.Url));
        using var cts = new CancellationTokenSource();

        var call = client.SendAsync("eth_blockNumber", [], cts.Token);
        await server.WaitForRequestAsync(1, Patience);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).Within();
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, client.ErrorCount);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceled()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Respond(500, "down"), Answer("0x1"));
        var time = new ManualTimeProvider(Epoch);
        var options = FastOptions(server.Url) with { InitialBackoff = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.FromHours(1) };
        using var client = new FailoverClient(options, timeProvider: time);
        using var cts = new CancellationTokenSource();

        var call = client.SendAsync("eth_blockNumber", [], cts.Token);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextScheduledAsync(d => d != options.RequestTimeout, Patience));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).Within();
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task SendAsync_TokenAlreadyCanceled_ThrowsWithoutRequest()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        using var client = new FailoverClient(FastOptions(server.Url));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.SendAsync("eth_blockNumber", [], new CancellationToken(canceled: true))).Within();

        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task SendAsync_RepeatedFailures_BackoffGrowsExponentiallyUpToMaxBackoff()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Respond(500, "down"), 6);
        var time = new ManualTimeProvider(Epoch);
        var options = FastOptions(server.Url) with
        {
            MaxAttempts = 6,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            BackoffMultiplier = 2,
            MaxBackoff = TimeSpan.FromMilliseconds(500),
            RequestTimeout = TimeSpan.FromHours(1),
        };
        using var client = new FailoverClient(options, timeProvider: time);

        var call = client.SendAsync("eth_blockNumber", [], CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var delay = await time.NextScheduledAsync(d => d != options.RequestTimeout, Patience);
            delays.Add(delay);
            time.Advance(delay);
        }

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(() => call).Within();
        Assert.Equal([100, 200, 400, 500, 500], delays.Select(d => d.TotalMilliseconds));
        Assert.Equal(6, error.Attempts);
        Assert.Equal(6, server.RequestCount);
    }

    [Theory]
    [InlineData("3", 3000)]
    [InlineData("0", 100)]
    [InlineData("120", 10_000)]
    [InlineData("date+4", 4000)]
    [InlineData("date-60", 100)]
    public async Task SendAsync_Http429WithRetryAfter_WaitsAsAskedCappedByMaxBackoffThenSucceeds(string retryAfter, int expectedMs)
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        var header = retryAfter.StartsWith("date", StringComparison.Ordinal)
            ? Epoch.AddSeconds(int.Parse(retryAfter[4..], CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture)
            : retryAfter;
        server.Enqueue(ScriptedBehavior.Respond(429, "slow down", ("Retry-After", header)), Answer("0x1"));
        var time = new ManualTimeProvider(Epoch);
        var options = FastOptions(server.Url) with
        {
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(10),
            RequestTimeout = TimeSpan.FromHours(1),
        };
        using var client = new FailoverClient(options, timeProvider: time);

        var call = client.SendAsync("eth_blockNumber", [], CancellationToken.None);
        var delay = await time.NextScheduledAsync(d => d != options.RequestTimeout, Patience);
        time.Advance(delay);

        Assert.Equal("0x1", (await call.Within()).GetString());
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
        Assert.Equal(2, server.RequestCount);
    }

    private static ScriptedBehavior Broken(string failure) => failure switch
    {
        "http-500" => ScriptedBehavior.Respond(500, "internal error"),
        "http-502" => ScriptedBehavior.Respond(502, "<html>bad gateway</html>"),
        "http-429-json-body" => JsonRpcRepliesWithStatus(429, call => JsonRpcReplies.Error(call, -32005, "daily request count exceeded")),
        "malformed-json" => ScriptedBehavior.Json("""{"jsonrpc":"2.0","id":1,"result":"0x1" """),
        "html-error-page" => ScriptedBehavior.Json("<html><body>gateway</body></html>"),
        "wrong-id" => Mapped(call => JsonRpcReplies.Result(call, "0x1"), o => o["id"] = 999),
        "string-id" => Mapped(call => JsonRpcReplies.Result(call, "0x1"), o => o["id"] = o["id"]!.ToJsonString()),
        "jsonrpc-1.0" => Mapped(call => JsonRpcReplies.Result(call, "0x1"), o => o["jsonrpc"] = "1.0"),
        "jsonrpc-missing" => Mapped(call => JsonRpcReplies.Result(call, "0x1"), o => o.Remove("jsonrpc")),
        "neither-result-nor-error" => Mapped(call => JsonRpcReplies.Result(call, "0x1"), o => o.Remove("result")),
        "array-for-single-call" => ScriptedBehavior.Compute(r => new ScriptedResponse(200, new JsonArray(JsonRpcReplies.Result(Body(r).AsObject(), "0x1")).ToJsonString())),
        "rate-limited-32005" => JsonRpcReplies.Error(-32005, "limit exceeded"),
        "error-without-code" => Mapped(call => JsonRpcReplies.Error(call, 1, "x"), o => o["error"]!.AsObject().Remove("code")),
        "abort-connection" => ScriptedBehavior.Abort(),
        "http-403-not-json" => ScriptedBehavior.Respond(403, "forbidden"),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "unknown failure"),
    };

    private static ScriptedBehavior BrokenBatch(string failure) => failure switch
    {
        "wrong-id" => JsonRpcReplies.Map(call => Tweak(JsonRpcReplies.Result(call, "x"), o => o["id"] = o["id"]!.GetValue<long>() + 100)),
        "missing-entry" => JsonRpcReplies.Results((m, _) => m, entries => entries.Skip(1)),
        "duplicate-id" => JsonRpcReplies.Results((m, _) => m, entries => entries.Select(e => e.DeepClone()).Take(2).Concat(entries.Take(1).Select(e => e.DeepClone()))),
        "extra-entry" => JsonRpcReplies.Results((m, _) => m, entries => entries.Select(e => e.DeepClone()).Append(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 0, ["result"] = "x" })),
        "single-error-object" => ScriptedBehavior.Json("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}"""),
        "entry-neither-result-nor-error" => JsonRpcReplies.Map(call => Tweak(JsonRpcReplies.Result(call, "x"), o => o.Remove("result"))),
        "entry-rate-limited" => JsonRpcReplies.Map(call => call["method"]!.GetValue<string>() == "eth_gasPrice"
            ? JsonRpcReplies.Error(call, -32005, "limit exceeded")
            : JsonRpcReplies.Result(call, "x")),
        "entry-not-an-object" => JsonRpcReplies.Results((m, _) => m, entries => entries.Select(e => e.DeepClone()).Append(JsonValue.Create(5))),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "unknown failure"),
    };

    private static ScriptedBehavior Mapped(Func<JsonObject, JsonObject> respond, Action<JsonObject> tweak) =>
        JsonRpcReplies.Map(call => Tweak(respond(call), tweak));

    private static JsonObject Tweak(JsonObject response, Action<JsonObject> tweak)
    {
        tweak(response);
        return response;
    }

    private static ScriptedBehavior JsonRpcRepliesWithStatus(int status, Func<JsonObject, JsonObject> respond) =>
        ScriptedBehavior.Compute(request => new ScriptedResponse(status, respond(Body(request).AsObject()).ToJsonString()));
}
