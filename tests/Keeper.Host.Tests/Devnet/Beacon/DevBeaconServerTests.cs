using System.Net;
using System.Net.Http.Headers;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Host.Devnet.Beacon;
using Xunit;
using static Keeper.Host.Tests.Devnet.Beacon.DevBeaconTestKit;

namespace Keeper.Host.Tests.Devnet.Beacon;

/// <summary>The devnet node answers Keeper's own Beacon API client, and refuses as real nodes do.</summary>
public sealed class DevBeaconServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DevBeaconChain _chain = new(Genesis);
    private DevBeaconServer? _server;
    private BeaconClient? _client;

    private BeaconClient Client => _client!;

    private Uri Url => _server!.Url;

    public async Task InitializeAsync()
    {
        _chain.Sync([Entry(1, prestake: true), Entry(2, staked: true)]);
        _chain.Produce(Execution(40));
        _chain.Exit(Pubkey(2), exitEpoch: 1);
        _chain.Produce(Execution(70));
        _server = await DevBeaconServer.StartAsync(_chain, CancellationToken.None);
        _client = new BeaconClient(new BeaconClientOptions { Endpoints = [_server.Url], InitialBackoff = TimeSpan.Zero, MaxAttempts = 1 });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task GenesisSpecAndHeader_ReadByBeaconClient_MatchTheChain()
    {
        var genesis = await Client.GetGenesisAsync(CancellationToken.None).WaitAsync(Patience);
        var spec = await Client.GetSpecAsync(CancellationToken.None).WaitAsync(Patience);
        var head = await Client.GetHeaderAsync("head", CancellationToken.None).WaitAsync(Patience);
        var bySlot = await Client.GetHeaderAsync("40", CancellationToken.None).WaitAsync(Patience);
        var finalized = await Client.GetHeaderAsync("finalized", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal((Genesis, _chain.GenesisValidatorsRoot, 0x1000004bu), (genesis.GenesisTime, genesis.GenesisValidatorsRoot, genesis.GenesisForkVersion));
        Assert.Equal(new BeaconSpec(12, 32, 0), spec);
        Assert.Equal((_chain.Head.Root, 70UL, _chain.Head.StateRoot, _chain.Head.ParentRoot), (head.Root, head.Slot, head.StateRoot, head.ParentRoot));
        Assert.Equal(head.ParentRoot, bySlot.Root);
        Assert.Equal((_chain.Blocks[0].Root, true), (finalized.Root, finalized.Finalized));
        Assert.False(bySlot.Finalized);
    }

    [Fact]
    public async Task GetValidatorsAsync_PostAndStatuses_FollowTheStateAsked()
    {
        var atHead = await Client.GetValidatorsAsync([Pubkey(1), Pubkey(2), Pubkey(3)], "head", CancellationToken.None).WaitAsync(Patience);
        var before = await Client.GetValidatorsAsync([Pubkey(2)], "40", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, atHead.Count);
        Assert.Equal(BeaconValidatorStatus.PendingInitialized, atHead[Pubkey(1)].Status);
        Assert.Equal((BeaconValidatorStatus.ExitedUnslashed, (ulong?)1, (ulong?)257), (atHead[Pubkey(2)].Status, atHead[Pubkey(2)].ExitEpoch, atHead[Pubkey(2)].WithdrawableEpoch));
        Assert.Equal((BeaconValidatorStatus.ActiveOngoing, (ulong?)null), (before[Pubkey(2)].Status, before[Pubkey(2)].ExitEpoch));
    }

    [Fact]
    public async Task SszStateAndBlock_ReadByBeaconClient_HashToTheHeaderRoots()
    {
        var types = BeaconTypes.For(BeaconFork.Electra);

        var state = await Client.GetStateSszAsync("head", CancellationToken.None).WaitAsync(Patience);
        var block = await Client.GetBlockSszAsync(_chain.Head.Root.ToString(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(BeaconFork.Electra, state.Fork);
        Assert.Equal(_chain.Head.StateRoot, types.BeaconState.HashTreeRoot(state.Bytes));
        var message = types.SignedBeaconBlock.FieldSlice(block.Bytes, "message");
        Assert.Equal(_chain.Head.Root, types.BeaconBlock.HashTreeRoot(message.In(block.Bytes.AsSpan())));
    }

    [Theory]
    [InlineData("/eth/v2/debug/beacon/states/head", "application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("/eth/v2/beacon/blocks/head", null, HttpStatusCode.NotAcceptable)]
    [InlineData("/eth/v2/debug/beacon/states/latest", "application/octet-stream", HttpStatusCode.BadRequest)]
    [InlineData("/eth/v2/debug/beacon/states/71", "application/octet-stream", HttpStatusCode.NotFound)]
    [InlineData("/eth/v2/beacon/blocks/41", "application/octet-stream", HttpStatusCode.NotFound)]
    [InlineData("/eth/v1/beacon/headers/0x00", null, HttpStatusCode.BadRequest)]
    [InlineData("/eth/v1/beacon/nothing", null, HttpStatusCode.NotFound)]
    public async Task Request_WrongAcceptIdOrRoute_AnswersTheApisJsonError(string path, string? accept, HttpStatusCode status)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, path));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await http.SendAsync(request).WaitAsync(Patience);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"{{\"code\":{(int)status},\"message\":\"", body, StringComparison.Ordinal);
    }
}
