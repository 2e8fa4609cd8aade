using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// Own mode with a real keeper process: it signs as the node operator of a megapool, the devnet beacon node (stepped by
/// hand after each block) exits one of its validators, and the keeper reports the exit itself, long before
/// <c>withdrawableEpoch - notifyThreshold</c>, so the megapool's debt takes no fine.
/// </summary>
public sealed class OwnDutyProcessTests : KeeperProcessTestBase, IAsyncLifetime
{
    private const ulong NotifyThresholdEpochs = 112;
    private DevBeaconNode? _beacon;

    [Fact]
    public async Task OwnExit_ReportedByTheOperatorsKeeperBeforeTheThreshold_OnceAndWithNoFine()
    {
        // The keeper signs with dev account 1: its megapool is own by default (keeper.own.node-addresses empty).
        var megapool = await Harness.CreateMegapoolAsync(KeeperAddress);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        await Harness.StakeAsync(megapool, id);
        _beacon = await DevBeaconNode.StartAsync(Chain, Harness, null, null, null, CancellationToken.None);
        var node = await StartKeeperAsync(NodeFiles.Beacon(_beacon.Url) + "\nbeacon.check-interval = 1s");
        await ManualMiningAsync();

        var exitSlot = await MineSlotAsync(node);
        var epoch = exitSlot / DevBeaconSpec.SlotsPerEpoch;
        var pubkey = _beacon.Chain.Validators.Single(v => v.Megapool == megapool && v.ValidatorId == id).Pubkey;
        var withdrawable = epoch + 300;
        _beacon.Chain.Exit(pubkey, epoch + 1, withdrawable);
        var deadline = _beacon.Chain.SlotTimestamp((withdrawable - NotifyThresholdEpochs) * DevBeaconSpec.SlotsPerEpoch);

        // A slot at a time (12 s of chain time): the beacon watcher reads the exit within its 1 s check, the gate proves it
        // and sends; no round-robin turn is waited for. Twenty slots are four minutes of chain time, the deadline 188 epochs away.
        var sent = false;
        for (var i = 0; i < 20 && !sent; i++)
        {
            await MineSlotAsync(node);
            sent = await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(5));
        }

        Assert.True(sent, $"the keeper did not report its own exit within 20 slots:\n{Log()}");
        await MineSlotAsync(node);
        var reported = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await MineSlotAsync(node);
        }

        var pool = new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), megapool);
        Assert.True((await pool.GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None)).Exiting, Log());
        Assert.True(reported.Timestamp < deadline, $"reported at {reported.Timestamp}, not before the deadline {deadline}");
        Assert.Equal(BigInteger.Zero, await pool.GetDebtAsync(BlockTag.Latest, CancellationToken.None));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    // The beacon node goes before the keeper processes and anvil the base class stops.
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_beacon is not null)
        {
            await _beacon.DisposeAsync();
        }

        await DisposeAsync();
    }

    // One block in the next beacon slot, then the beacon node's step (its block and root), then the keeper's view of it.
    private async Task<ulong> MineSlotAsync(NodeProcess node)
    {
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        await Chain.SetNextBlockTimestampAsync(head.Timestamp + DevBeaconSpec.SecondsPerSlot);
        await Chain.MineAsync();
        var block = await _beacon!.StepAsync(CancellationToken.None) ?? throw new InvalidOperationException("The mined block made no beacon block.");
        await WaitForHeadAsync(node, head.Number + 1);
        return block.Slot;
    }
}
