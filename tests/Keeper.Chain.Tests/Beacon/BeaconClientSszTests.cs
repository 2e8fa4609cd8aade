using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Testing.Beacon;
using Keeper.Testing.Http;
using Xunit;
using static Keeper.Chain.Tests.Beacon.BeaconTestKit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconClientSszTests
{
    [Fact]
    public async Task GetStateSszAsync_Served_ReturnsExactBytesAndForkAndAsksForOctetStream()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var state = Bytes(100_000, seed: 1);
        node.SetSszState("head", "electra", state);
        using var client = new BeaconClient(FastOptions(node.Url));

        var answer = await client.GetStateSszAsync("head", CancellationToken.None).Within();

        Assert.Equal(BeaconFork.Electra, answer.Fork);
        Assert.Equal(state, answer.Bytes);
        var request = Assert.Single(node.Requests);
        Assert.Equal("/eth/v2/debug/beacon/states/head", request.PathAndQuery);
        Assert.Equal("application/octet-stream", request.Headers["Accept"]);
    }

    [Fact]
    public async Task GetBlockSszAsync_FuluBlockBySlot_ReturnsFulu()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var block = Bytes(1234, seed: 2);
        node.SetSszBlock("123", "fulu", block);
        using var client = new BeaconClient(FastOptions(node.Url));

        var answer = await client.GetBlockSszAsync("123", CancellationToken.None).Within();

        Assert.Equal(BeaconFork.Fulu, answer.Fork);
        Assert.Equal(block, answer.Bytes);
        Assert.Equal("/eth/v2/beacon/blocks/123", Assert.Single(node.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetStateSszAsync_ChunkedBodyOfSeveralSegments_ReturnsArrayOfExactLength()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var state = Bytes((9 * 1024 * 1024) + 17, seed: 3);
        node.FailNext(ScriptedBehavior.Respond(Ssz(state, "electra") with { Chunked = true }));
        using var client = new BeaconClient(FastOptions(node.Url));

        var answer = await client.GetStateSszAsync("finalized", CancellationToken.None).Within();

        Assert.Equal(state.Length, answer.Bytes.Length);
        Assert.Equal(state, answer.Bytes);
    }

    [Fact]
    public async Task GetStateSszAsync_LargerThanTheJsonCap_IsBoundOnlyByTheSszCap()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var state = Bytes(64 * 1024, seed: 4);
        node.SetSszState("head", "electra", state);
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxResponseBytes = 1024 });

        var answer = await client.GetStateSszAsync("head", CancellationToken.None).Within();

        Assert.Equal(state, answer.Bytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetStateSszAsync_OverTheSszCap_ThrowsUnavailableNamingTheOption(bool chunked)
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(Ssz(Bytes(4096, seed: 5), "electra") with { Chunked = chunked }), 2);
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxSszResponseBytes = 4095, MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Unavailable, error.Kind);
        Assert.Contains("exceeds the limit of 4095 bytes (MaxSszResponseBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStateSszAsync_NoVersionHeader_ThrowsMalformedNamingTheHeader()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var noHeader = new ScriptedResponse(200, string.Empty)
        {
            BodyBytes = Bytes(10, seed: 6),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" },
        };
        node.FailNext(ScriptedBehavior.Respond(noHeader), 2);
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Malformed, error.Kind);
        Assert.Equal("Eth-Consensus-Version", error.Field);
        Assert.Contains("the Eth-Consensus-Version header is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStateSszAsync_UnknownFork_ThrowsUnsupportedAtOnceNamingHeaderAndValue()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.SetSszState("head", "gloas", Bytes(10, seed: 7));
        using var client = new BeaconClient(FastOptions(node.Url, node.Url));

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Unsupported, error.Kind);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("Eth-Consensus-Version", error.Field);
        Assert.Contains("the Eth-Consensus-Version header is 'gloas'", error.Message, StringComparison.Ordinal);
        Assert.Single(node.Requests);
    }

    [Fact]
    public async Task GetStateSszAsync_JsonInsteadOfSsz_ThrowsMalformedNamingContentType()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(200, "{\"data\":{}}", ("Eth-Consensus-Version", "electra")));
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxAttempts = 1 });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Malformed, error.Kind);
        Assert.Equal("Content-Type", error.Field);
        Assert.Contains("not application/octet-stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStateSszAsync_UnknownState_IsRefusedAtOnceWithTheNodeMessage()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url, node.Url));

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("12345", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Refused, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("/eth/v2/debug/beacon/states/12345", error.Path);
        Assert.Contains("HTTP 404: State not found", error.Message, StringComparison.Ordinal);
        Assert.Single(node.Requests);
    }

    [Fact]
    public async Task GetBlockSszAsync_FirstEndpointWithoutSsz_FailsOverToOneThatServesIt()
    {
        await using var noSsz = await FakeBeaconNode.StartAsync();
        noSsz.FailNext(ScriptedBehavior.Respond(406, "{\"code\":406,\"message\":\"Accepted media type not supported\"}"));
        await using var node = await FakeBeaconNode.StartAsync();
        var block = Bytes(500, seed: 8);
        node.SetSszBlock("head", "electra", block);
        using var client = new BeaconClient(FastOptions(noSsz.Url, node.Url));

        var answer = await client.GetBlockSszAsync("head", CancellationToken.None).Within();

        Assert.Equal(block, answer.Bytes);
        Assert.Equal(1, client.PreferredEndpointIndex);
    }

    [Fact]
    public async Task GetStateSszAsync_NodeHangs_GivesUpAfterTheSszTimeoutNamingIt()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Hang());
        using var client = new BeaconClient(FastOptions(node.Url) with { MaxAttempts = 1, SszRequestTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("head", CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Unavailable, error.Kind);
        Assert.Contains("(SszRequestTimeout)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStateSszAsync_KeyInEndpointPath_NeverAppearsInTheError()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(new Uri(node.Url, "secret-key-123/")));

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetStateSszAsync("99", CancellationToken.None)).Within();

        Assert.DoesNotContain("secret-key-123", error.Message, StringComparison.Ordinal);
        Assert.Equal(404, error.StatusCode);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("0x1234")]
    [InlineData("../blocks/head")]
    public async Task GetStateSszAsync_InvalidId_ThrowsArgumentExceptionWithoutARequest(string stateId)
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(node.Url));

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetStateSszAsync(stateId, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetBlockSszAsync("justified", CancellationToken.None));
        Assert.Empty(node.Requests);
    }

    private static ScriptedResponse Ssz(byte[] bytes, string version) =>
        new(200, string.Empty)
        {
            BodyBytes = bytes,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream", ["Eth-Consensus-Version"] = version },
        };

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
