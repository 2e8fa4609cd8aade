using Keeper.Chain.Beacon;
using Keeper.Testing.Beacon;
using Keeper.Testing.Http;
using Keeper.Testing.Time;
using Xunit;
using static Keeper.Chain.Tests.Beacon.BeaconTestKit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconClientRetryTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("http-500")]
    [InlineData("http-503")]
    [InlineData("http-429")]
    [InlineData("http-401")]
    [InlineData("http-403")]
    [InlineData("http-302")]
    [InlineData("abort-connection")]
    [InlineData("not-json")]
    [InlineData("truncated-json")]
    [InlineData("missing-data")]
    [InlineData("numeric-genesis-time")]
    [InlineData("duplicate-property")]
    public async Task GetGenesisAsync_FailureThenSuccess_RetriesAndReturnsGenesis(string failure)
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(Broken(failure));
        using var client = new BeaconClient(FastOptions(node.Url));

        var genesis = await client.GetGenesisAsync(CancellationToken.None).Within();

        Assert.Equal(FakeBeaconNode.MainnetGenesisTime, genesis.GenesisTime);
        Assert.Equal(2, node.Requests.Count);
        Assert.Equal(1, client.ErrorCount);
    }

    [Fact]
    public async Task GetGenesisAsync_AlwaysMalformed_ThrowsMalformedNamingPathAndField()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(Broken("numeric-genesis-time"), Broken("numeric-genesis-time"), Broken("numeric-genesis-time"));
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetGenesisAsync(CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Malformed, error.Kind);
        Assert.Equal("/eth/v1/beacon/genesis", error.Path);
        Assert.Equal("data.genesis_time", error.Field);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("GET /eth/v1/beacon/genesis failed after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("field data.genesis_time should be a decimal string but is number '1606824023'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetValidatorsAsync_MalformedEpochEveryTime_ThrowsMalformedNamingTheField()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        const string Body = """
            {"execution_optimistic":false,"finalized":false,"data":[{"index":"1","balance":"32000000000","status":"active_exiting","validator":{
            "pubkey":"PUBKEY","withdrawal_credentials":"0x0100000000000000000000000000000000000000000000000000000000000000",
            "effective_balance":"32000000000","slashed":false,"activation_eligibility_epoch":"0","activation_epoch":"0",
            "exit_epoch":"300","withdrawable_epoch":"5e2"}}]}
            """;
        node.FailNext(ScriptedBehavior.Json(Body.Replace("PUBKEY", Pubkey(1).ToString(), StringComparison.Ordinal)), 2);
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetValidatorsAsync([Pubkey(1)], "head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Malformed, error.Kind);
        Assert.Equal("data[0].validator.withdrawable_epoch", error.Field);
        Assert.Equal("/eth/v1/beacon/states/head/validators", error.Path);
    }

    [Fact]
    public async Task GetGenesisAsync_FirstEndpointDown_FailsOverAndPrefersTheOneThatAnswered()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(ScriptedHttpServer.ClosedPortUrl(), node.Url));

        await client.GetGenesisAsync(CancellationToken.None).Within();
        await client.GetSpecAsync(CancellationToken.None).Within();

        Assert.Equal(1, client.PreferredEndpointIndex);
        Assert.Equal(1, client.ErrorCount);
        Assert.Equal(2, node.Requests.Count);
        Assert.Equal(3, client.RequestCount);
    }

    [Fact]
    public async Task GetGenesisAsync_EveryAttemptFails_ThrowsUnavailableWithTheLastReason()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(503, "{}"), 4);
        using var client = new BeaconClient(FastOptions(node.Url, ScriptedHttpServer.ClosedPortUrl()) with { MaxAttempts = 4 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetGenesisAsync(CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Unavailable, error.Kind);
        Assert.Equal(4, error.Attempts);
        Assert.Null(error.Field);
        Assert.Contains("failed after 4 attempts across 2 endpoints", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection error", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, node.Requests.Count);
    }

    [Fact]
    public async Task GetGenesisAsync_BadRequest_ThrowsRefusedAtOnceWithTheNodeMessage()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(400, """{"code":400,"message":"Invalid request: nope"}"""));
        using var client = new BeaconClient(FastOptions(node.Url, node.Url));

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetGenesisAsync(CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Refused, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("was refused by endpoint #0", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400: Invalid request: nope", error.Message, StringComparison.Ordinal);
        Assert.Single(node.Requests);
    }

    [Fact]
    public async Task GetGenesisAsync_RetryAfter_WaitsAsAsked()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(429, "{}", ("Retry-After", "7")));
        var time = new ManualTimeProvider(Start);
        var options = FastOptions(node.Url) with { InitialBackoff = TimeSpan.FromMilliseconds(100), RequestTimeout = TimeSpan.FromHours(1) };
        using var client = new BeaconClient(options, timeProvider: time);

        var call = client.GetGenesisAsync(CancellationToken.None);
        var delay = await time.NextScheduledAsync(d => d != options.RequestTimeout, Patience);
        time.Advance(delay);

        Assert.Equal(FakeBeaconNode.MainnetGenesisTime, (await call.Within()).GenesisTime);
        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public async Task GetGenesisAsync_RepeatedFailures_BacksOffExponentially()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(500, "{}"), 3);
        var time = new ManualTimeProvider(Start);
        var options = FastOptions(node.Url) with { InitialBackoff = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.FromHours(1) };
        using var client = new BeaconClient(options, timeProvider: time);

        var call = client.GetGenesisAsync(CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var delay = await time.NextScheduledAsync(d => d != options.RequestTimeout, Patience);
            delays.Add(delay);
            time.Advance(delay);
        }

        await call.Within();
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays);
    }

    [Fact]
    public async Task GetGenesisAsync_NodeHangs_TimesOutAndRetries()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Hang());
        var time = new ManualTimeProvider(Start);
        var timeout = TimeSpan.FromSeconds(5);
        using var client = new BeaconClient(FastOptions(node.Url) with { RequestTimeout = timeout }, timeProvider: time);

        var call = client.GetGenesisAsync(CancellationToken.None);
        await node.Server.WaitForRequestAsync(1, Patience);
        Assert.Equal(timeout, await time.NextScheduledAsync(d => d == timeout, Patience));
        time.Advance(timeout);

        Assert.Equal(FakeBeaconNode.MainnetGenesisTime, (await call.Within()).GenesisTime);
        Assert.Equal(2, node.Requests.Count);
    }

    [Fact]
    public async Task GetValidatorsAsync_AnswerOverSizeLimit_FailsEveryAttempt()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            node.SetValidator(Pubkey(i), (ulong)i, "active_ongoing");
        }

        using var client = new BeaconClient(FastOptions(node.Url) with { MaxAttempts = 2, MaxResponseBytes = 2048 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(
            () => client.GetValidatorsAsync(Enumerable.Range(0, 20).Select(Pubkey), "head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Unavailable, error.Kind);
        Assert.Contains("exceeds the limit of 2048 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetValidatorsAsync_GetChunkFailsAfterFallback_RetriesWholeChunkWithGetOnly()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SupportsPost = false;
        var keys = Enumerable.Range(0, 70).Select(Pubkey).ToArray();
        node.SetValidator(keys[69], 69, "active_ongoing");
        using var client = new BeaconClient(FastOptions(node.Url));

        // POST is refused with 405 as the node would, then the first GET chunk fails; the retry goes straight to GET.
        node.FailNext(ScriptedBehavior.Respond(405, """{"code":405,"message":"Method not allowed"}"""), ScriptedBehavior.Respond(500, "{}"));
        var validators = await client.GetValidatorsAsync(keys, "head", CancellationToken.None).Within();

        Assert.Single(validators);
        Assert.Equal(["POST", "GET", "GET", "GET"], node.Requests.Select(r => r.Method));
        Assert.Equal(1, client.ErrorCount);
    }

    private static ScriptedBehavior Broken(string failure) => failure switch
    {
        "http-500" => ScriptedBehavior.Respond(500, """{"code":500,"message":"Internal error"}"""),
        "http-503" => ScriptedBehavior.Respond(503, """{"code":503,"message":"Beacon node is currently syncing"}"""),
        "http-429" => ScriptedBehavior.Respond(429, "{}"),
        "http-401" => ScriptedBehavior.Respond(401, """{"message":"missing API key"}"""),
        "http-403" => ScriptedBehavior.Respond(403, "forbidden"),
        "http-302" => ScriptedBehavior.Respond(302, string.Empty, ("Location", "http://127.0.0.1:1/elsewhere")),
        "abort-connection" => ScriptedBehavior.Abort(),
        "not-json" => ScriptedBehavior.Json("<html>gateway</html>"),
        "truncated-json" => ScriptedBehavior.Json("""{"data":{"genesis_time":"160"""),
        "missing-data" => ScriptedBehavior.Json("""{"genesis_time":"1606824023"}"""),
        "numeric-genesis-time" => ScriptedBehavior.Json(
            """{"data":{"genesis_time":1606824023,"genesis_validators_root":"0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95","genesis_fork_version":"0x00000000"}}"""),
        "duplicate-property" => ScriptedBehavior.Json(
            """{"data":{"genesis_time":"1","genesis_time":"1606824023","genesis_validators_root":"0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95","genesis_fork_version":"0x00000000"}}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
