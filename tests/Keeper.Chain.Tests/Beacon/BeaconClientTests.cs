using System.Text.Json.Nodes;
using System.Web;
using Keeper.Chain.Beacon;
using Keeper.Testing.Beacon;
using Keeper.Testing.Http;
using Keeper.Testing.Logging;
using Microsoft.Extensions.Logging;
using Xunit;
using static Keeper.Chain.Tests.Beacon.BeaconTestKit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconClientTests
{
    [Fact]
    public async Task GetGenesisAsync_FakeNode_ReturnsItsGenesis()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.GenesisForkVersion = 0x10000910;
        using var client = new BeaconClient(FastOptions(node.Url));

        var genesis = await client.GetGenesisAsync(CancellationToken.None).Within();

        Assert.Equal(new BeaconGenesis(FakeBeaconNode.MainnetGenesisTime, node.GenesisValidatorsRoot, 0x10000910), genesis);
        Assert.Equal("/eth/v1/beacon/genesis", Assert.Single(node.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetSpecAsync_FakeNode_ReturnsItsTiming()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetSpec("SECONDS_PER_SLOT", "6").SetSpec("SLOTS_PER_EPOCH", "16");
        using var client = new BeaconClient(FastOptions(node.Url));

        Assert.Equal(new BeaconSpec(6, 16), await client.GetSpecAsync(CancellationToken.None).Within());
    }

    [Fact]
    public async Task GetSpecAsync_NodeOmitsTiming_UsesDefaultsAndWarns()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetSpec("SECONDS_PER_SLOT", null).SetSpec("SLOTS_PER_EPOCH", null);
        var logger = new CollectingLogger<BeaconClient>();
        using var client = new BeaconClient(FastOptions(node.Url), logger: logger);

        var spec = await client.GetSpecAsync(CancellationToken.None).Within();

        Assert.Equal(BeaconSpec.MainnetDefaults, spec);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("SECONDS_PER_SLOT, SLOTS_PER_EPOCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetHeadSlotAsync_HeadMoves_ReturnsTheCurrentHead()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));

        node.SetHeadSlot(1234);
        var first = await client.GetHeadSlotAsync(CancellationToken.None).Within();
        node.SetHeadSlot(1235);
        var header = await client.GetHeaderAsync("head", CancellationToken.None).Within();

        Assert.Equal(1234UL, first);
        Assert.Equal(1235UL, header.Slot);
        Assert.Equal(FakeBeaconJson.RootOf("block", 1235), header.Root.ToString());
        Assert.Equal(FakeBeaconJson.RootOf("block", 1234), header.ParentRoot.ToString());
        Assert.True(header.Canonical);
    }

    [Fact]
    public async Task GetHeaderAsync_UnknownSlot_ThrowsRefusedWithoutRetrying()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetHeaderAsync("99", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Refused, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("/eth/v1/beacon/headers/99", error.Path);
        Assert.Contains("Block not found", error.Message, StringComparison.Ordinal);
        Assert.Single(node.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("justified")]
    [InlineData("latest")]
    [InlineData("0x1234")]
    [InlineData("../config/spec")]
    [InlineData("18446744073709551616")]
    public async Task GetHeaderAsync_InvalidBlockId_ThrowsArgumentExceptionWithoutARequest(string blockId)
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetHeaderAsync(blockId, CancellationToken.None));

        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task GetValidatorsAsync_KnownAndUnknownKeys_ReturnsKnownOnesKeyedByPubkeyInOnePost()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetValidator(Pubkey(1), 10, "active_ongoing").SetValidator(Pubkey(2), 20, "active_exiting", 300, 556);
        using var client = new BeaconClient(FastOptions(node.Url));

        var validators = await client.GetValidatorsAsync([Pubkey(1), Pubkey(2), Pubkey(3)], "head", CancellationToken.None).Within();

        Assert.Equal(2, validators.Count);
        Assert.Equal(10UL, validators[Pubkey(1)].Index);
        Assert.Null(validators[Pubkey(1)].WithdrawableEpoch);
        Assert.Equal(BeaconValidatorStatus.ActiveExiting, validators[Pubkey(2)].Status);
        Assert.Equal(300UL, validators[Pubkey(2)].ExitEpoch);
        Assert.Equal(556UL, validators[Pubkey(2)].WithdrawableEpoch);
        Assert.False(validators.ContainsKey(Pubkey(3)));
        var request = Assert.Single(node.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/eth/v1/beacon/states/head/validators", request.PathAndQuery);
        Assert.Equal(
            new[] { Pubkey(1), Pubkey(2), Pubkey(3) }.Select(p => p.ToString()),
            JsonNode.Parse(request.Body)!["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Null(JsonNode.Parse(request.Body)!["statuses"]);
    }

    [Fact]
    public async Task GetValidatorsAsync_ExitSetAtRuntime_NextReadSeesItAndGivesTheReportDeadline()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetValidator(Pubkey(1), 7, "active_ongoing");
        using var client = new BeaconClient(FastOptions(node.Url));
        var time = BeaconTime.From(await client.GetGenesisAsync(CancellationToken.None), await client.GetSpecAsync(CancellationToken.None));

        var before = (await client.GetValidatorsAsync([Pubkey(1)], "head", CancellationToken.None).Within())[Pubkey(1)];
        node.SetValidator(Pubkey(1), 7, "active_exiting", exitEpoch: 400_000, withdrawableEpoch: 400_256);
        var after = (await client.GetValidatorsAsync([Pubkey(1)], "head", CancellationToken.None).Within())[Pubkey(1)];

        Assert.False(before.HasWithdrawableEpoch);
        Assert.Equal(400_256UL, after.WithdrawableEpoch);
        // The megapool exit-report window closes at withdrawableEpoch - notifyThreshold (112 epochs by default).
        Assert.Equal(FakeBeaconNode.MainnetGenesisTime + ((400_256UL - 112) * 384), time.EpochStartTime(after.WithdrawableEpoch!.Value - 112));
    }

    [Fact]
    public async Task GetValidatorsAsync_NoKeys_ReturnsEmptyWithoutARequest()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));

        Assert.Empty(await client.GetValidatorsAsync([], "head", CancellationToken.None).Within());
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task GetValidatorsAsync_RepeatedKeys_AsksEachOnce()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetValidator(Pubkey(1), 1, "active_ongoing");
        using var client = new BeaconClient(FastOptions(node.Url));

        var validators = await client.GetValidatorsAsync([Pubkey(1), Pubkey(1), Pubkey(1)], "head", CancellationToken.None).Within();

        Assert.Single(validators);
        Assert.Single(JsonNode.Parse(Assert.Single(node.Requests).Body)!["ids"]!.AsArray());
    }

    [Fact]
    public async Task GetValidatorsAsync_ManyKeysWithGet_ChunksBy64()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var keys = Enumerable.Range(0, 150).Select(Pubkey).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            node.SetValidator(keys[i], (ulong)i, "active_ongoing");
        }

        using var client = new BeaconClient(FastOptions(node.Url) with { UsePostForValidators = false });

        var validators = await client.GetValidatorsAsync(keys, "finalized", CancellationToken.None).Within();

        Assert.Equal(150, validators.Count);
        Assert.All(node.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Equal([64, 64, 22], node.Requests.Select(r => QueryIds(r).Length));
        Assert.Equal(keys.Select(k => k.ToString()), node.Requests.SelectMany(QueryIds));
    }

    [Fact]
    public async Task GetValidatorsAsync_ManyKeysWithPost_ChunksByMaxIdsPerPostRequest()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var keys = Enumerable.Range(0, 250).Select(Pubkey).ToArray();
        node.SetValidator(keys[249], 249, "active_ongoing");
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxIdsPerPostRequest = 100 });

        var validators = await client.GetValidatorsAsync(keys, "head", CancellationToken.None).Within();

        Assert.Equal(249UL, Assert.Single(validators).Value.Index);
        Assert.Equal([100, 100, 50], node.Requests.Select(r => JsonNode.Parse(r.Body)!["ids"]!.AsArray().Count));
    }

    [Fact]
    public async Task GetValidatorsAsync_PostNotAllowed_FallsBackToGetChunksAndRemembers()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SupportsPost = false;
        var keys = Enumerable.Range(0, 100).Select(Pubkey).ToArray();
        node.SetValidator(keys[0], 0, "active_ongoing").SetValidator(keys[99], 99, "exited_unslashed", 10, 266);
        var logger = new CollectingLogger<BeaconClient>();
        using var client = new BeaconClient(FastOptions(node.Url), logger: logger);

        var first = await client.GetValidatorsAsync(keys, "head", CancellationToken.None).Within();
        var second = await client.GetValidatorsAsync(keys, "head", CancellationToken.None).Within();

        Assert.Equal(2, first.Count);
        Assert.Equal(266UL, first[keys[99]].WithdrawableEpoch);
        Assert.Equal(2, second.Count);
        Assert.Equal(["POST", "GET", "GET", "GET", "GET"], node.Requests.Select(r => r.Method));
        Assert.Equal(0, client.ErrorCount);
        Assert.Single(logger.Entries, e => e.Message.Contains("answered POST validators with HTTP 405", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetValidatorsAsync_PostRouteNotFound_FallsBackToGet()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetValidator(Pubkey(1), 1, "active_ongoing");
        node.FailNext(ScriptedBehavior.Respond(404, """{"code":404,"message":"Not Found"}"""));
        using var client = new BeaconClient(FastOptions(node.Url));

        var validators = await client.GetValidatorsAsync([Pubkey(1)], "head", CancellationToken.None).Within();

        Assert.Single(validators);
        Assert.Equal(["POST", "GET"], node.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task GetValidatorsAsync_NodeAnswers404ForUnknownIdsAtNamedState_TheyAreAbsent()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.NotFoundWhenNoValidatorMatches = true;
        node.SetValidator(Pubkey(1), 1, "active_ongoing");
        using var client = new BeaconClient(FastOptions(node.Url) with { UsePostForValidators = false, MaxIdsPerGetRequest = 1 });

        var validators = await client.GetValidatorsAsync([Pubkey(1), Pubkey(2)], "head", CancellationToken.None).Within();

        Assert.Equal([Pubkey(1)], validators.Keys);
        Assert.Equal(0, client.ErrorCount);
    }

    [Fact]
    public async Task GetValidatorsAsync_StateNotFoundAtSlot_ThrowsRefused()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetHeadSlot(100);
        using var client = new BeaconClient(FastOptions(node.Url));

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetValidatorsAsync([Pubkey(1)], "101", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Refused, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("/eth/v1/beacon/states/101/validators", error.Path);
        Assert.Contains("State not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(["POST", "GET"], node.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task GetValidatorsAsync_PastSlotState_UsesIt()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetHeadSlot(100).SetValidator(Pubkey(1), 1, "active_ongoing");
        using var client = new BeaconClient(FastOptions(node.Url));

        var validators = await client.GetValidatorsAsync([Pubkey(1)], "64", CancellationToken.None).Within();

        Assert.Single(validators);
        Assert.Equal("/eth/v1/beacon/states/64/validators", Assert.Single(node.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("")]
    [InlineData("current")]
    [InlineData("head/../../config")]
    [InlineData("0xzz8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2")]
    public async Task GetValidatorsAsync_InvalidStateId_ThrowsArgumentExceptionWithoutARequest(string stateId)
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetValidatorsAsync([Pubkey(1)], stateId, CancellationToken.None));

        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task GetValidatorsAsync_BaseUrlWithPathAndQuery_AppendsApiPathAndKeepsQuery()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetValidator(Pubkey(1), 1, "active_ongoing");
        var endpoint = new Uri(node.Url, "v1/key123/?apikey=abc");
        using var client = new BeaconClient(FastOptions(endpoint) with { UsePostForValidators = false });

        await client.GetGenesisAsync(CancellationToken.None).Within();
        await client.GetValidatorsAsync([Pubkey(1)], "head", CancellationToken.None).Within();

        Assert.Equal("/v1/key123/eth/v1/beacon/genesis?apikey=abc", node.Requests[0].PathAndQuery);
        Assert.Equal($"/v1/key123/eth/v1/beacon/states/head/validators?apikey=abc&id={Pubkey(1)}", node.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task GetValidatorsAsync_Canceled_ThrowsOperationCanceled()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetValidatorsAsync([Pubkey(1)], "head", cts.Token));
    }

    private static string[] QueryIds(RecordedRequest request) =>
        HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), request.PathAndQuery).Query)["id"]!.Split(',');
}
