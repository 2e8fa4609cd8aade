using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// Keeper processes with proof duties: besides anvil and the harness, the devnet beacon node, stepped by hand (never
/// polling), whose URL every node started through <see cref="StartProvingKeeperAsync"/> has in <c>keeper.beacon.endpoints</c>.
/// The test decides when a beacon block exists: <see cref="MineAsync"/> steps the beacon node after each block unless told
/// to hold it. Beacon slots are 12 s and epochs 384 s of chain time; the nodes' blocks are 2 s apart.
/// </summary>
public abstract class ProofDutyProcessTestBase : KeeperProcessTestBase
{
    protected const ulong SecondsPerEpoch = DevBeaconSpec.SlotsPerEpoch * DevBeaconSpec.SecondsPerSlot;

    private readonly HttpClient _http = new();
    private DevBeaconNode? _beacon;

    protected DevBeaconNode Beacon => _beacon ?? throw new InvalidOperationException("Call StartBeaconAsync first.");

    public override async Task DisposeAsync()
    {
        if (_beacon is not null)
        {
            await _beacon.DisposeAsync();
        }

        _http.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Starts the beacon node with the harness's validators as they are now in its registry (in every block from the next
    /// on; it adds later ones at each step). Its first step may produce no block (the chain is still in slot 0), so the
    /// registry is read here.
    /// </summary>
    protected async Task StartBeaconAsync()
    {
        _beacon = await DevBeaconNode.StartAsync(Chain, Harness, null, pollInterval: null, progress: null, CancellationToken.None);
        await _beacon.SyncValidatorsAsync(CancellationToken.None);
    }

    /// <summary>Starts keeper node-<paramref name="index"/> with the beacon node as its Beacon API endpoint.</summary>
    protected Task<NodeProcess> StartProvingKeeperAsync(int index, string extraConfig = "") =>
        StartKeeperAsync(index, NodeFiles.Beacon(Beacon.Url) + "\n" + extraConfig);

    /// <summary>
    /// Mines one block at <paramref name="timestamp"/>, then (unless <paramref name="step"/> is false) lets the beacon node
    /// produce its slot's block, and waits until every one of <paramref name="nodes"/> has processed the block. A node
    /// may see the block before the beacon node has stepped: a test relies only on beacon blocks made a block earlier.
    /// </summary>
    protected async Task MineAsync(ulong timestamp, IReadOnlyList<NodeProcess> nodes, bool step = true)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        await Chain.MineAsync();
        if (step)
        {
            await Beacon.StepAsync(CancellationToken.None);
        }

        var block = await Chain.Eth.BlockNumberAsync(CancellationToken.None);
        foreach (var node in nodes)
        {
            await WaitForProcessedAsync(node, block);
        }
    }

    // The status file is written once a second; the node's /api/status answers at once, so a test of dozens of blocks
    // waits for each block's processing, not for the file's next write.
    private async Task WaitForProcessedAsync(NodeProcess node, ulong block)
    {
        var api = StatusFile.TryReadHttp(node.StatusPath) ?? throw new InvalidOperationException($"keeper {node.Id} wrote no HTTP address into its status file.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Assert.False(node.HasExited, $"keeper {node.Id} exited:\n{Log(node.Id)}");
            using var status = JsonDocument.Parse(await _http.GetStringAsync(new Uri(api, "api/status"), CancellationToken.None));
            if (status.RootElement.GetProperty("headNumber").GetUInt64() >= block)
            {
                return;
            }

            Assert.False(timeout.IsCancellationRequested, $"keeper {node.Id} has not processed block {block} after 60 s:\n{Log(node.Id)}");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Mines blocks <see cref="KeeperProcessTestBase.BlockSeconds"/> apart from <paramref name="from"/> until no keeper of <paramref name="senders"/> (dev account indexes) has a transaction pending; returns the last block's time.</summary>
    protected async Task<ulong> MineUntilNothingPendingAsync(ulong from, IReadOnlyList<NodeProcess> nodes, IReadOnlyList<int> senders)
    {
        var timestamp = from;
        for (var i = 0; i < 10; i++)
        {
            var pending = false;
            foreach (var index in senders)
            {
                pending |= await NonceAsync(index, BlockTag.Pending) != await NonceAsync(index, BlockTag.Latest);
            }

            if (!pending)
            {
                return timestamp - BlockSeconds;
            }

            await MineAsync(timestamp, nodes);
            timestamp += BlockSeconds;
        }

        Assert.Fail($"the keepers still have transactions pending after 10 blocks:\n{Log()}");
        return timestamp;
    }

    /// <summary>The chain time at which beacon epoch <paramref name="epoch"/> starts.</summary>
    protected ulong EpochStart(ulong epoch) => Beacon.Chain.SlotTimestamp(epoch * DevBeaconSpec.SlotsPerEpoch);

    /// <summary>The beacon epoch of chain time <paramref name="timestamp"/>.</summary>
    protected ulong EpochAt(ulong timestamp) => Beacon.Chain.SlotAt(timestamp) / DevBeaconSpec.SlotsPerEpoch;

    /// <summary>The latest block's timestamp.</summary>
    protected async Task<ulong> HeadTimeAsync() => (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp;

    protected async Task<ulong> BlockTimeAsync(ulong number) => (await Chain.Eth.GetBlockAsync(BlockTag.At(number), CancellationToken.None)).Timestamp;

    /// <summary>A new validator of <paramref name="megapool"/> in prestake (assigned), or staked.</summary>
    protected async Task<uint> ValidatorAsync(Address megapool, bool staked)
    {
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        if (staked)
        {
            await Harness.StakeAsync(megapool, id);
        }

        return id;
    }

    protected DevValidator BeaconValidator(Address megapool, uint id) =>
        Beacon.Chain.Validators.Single(v => v.Megapool == megapool && v.ValidatorId == id);

    protected Task<ValidatorInfo> InfoAsync(Address megapool, uint id) =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);

    protected Task<BigInteger> DebtAsync(Address megapool) =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), megapool).GetDebtAsync(BlockTag.Latest, CancellationToken.None);

    protected Task<MegapoolSettingsValues> MegapoolSettingsAsync() =>
        new MegapoolSettings(new BatchCaller(Chain.Eth, new BatchCallerOptions { Multicall3 = Harness.Multicall3 }), Harness.Deployment.MegapoolSettings).ReadAsync(BlockTag.Latest, CancellationToken.None);

    /// <summary>Whether <paramref name="tx"/> calls function <typeparamref name="TFunction"/> of the megapool manager.</summary>
    protected bool IsManagerCall<TFunction>(SentTransaction tx)
        where TFunction : Nethereum.Contracts.FunctionMessage =>
        tx.To == Harness.Deployment.MegapoolManager && tx.Input.Length >= 4 && tx.Input.AsSpan(0, 4).SequenceEqual(ContractAbi.Selector<TFunction>());

    /// <summary>
    /// The megapool, validator id and slot timestamp of a manager proof call (notifyExit, dissolve, notifyFinalBalance all
    /// start with <c>(address megapool, uint32 validatorId, uint64 slotTimestamp, …)</c>).
    /// </summary>
    protected static (Address Megapool, uint ValidatorId, ulong SlotTimestamp) ProofCallHead(SentTransaction tx) =>
        (new Address(tx.Input.AsSpan(4 + 12, 20).ToArray()), (uint)Word(tx.Input, 1), (ulong)Word(tx.Input, 2));

    private static BigInteger Word(byte[] input, int index) => new(input.AsSpan(4 + (32 * index), 32), isUnsigned: true, isBigEndian: true);
}
