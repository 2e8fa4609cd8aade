using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet.Beacon;
using Keeper.Integration.Tests.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Proving;

/// <summary>
/// The proof call builder over the devnet beacon node's HTTP API on a real anvil: every kind of call it builds is mined
/// as a signed transaction and verified by the harness against the root in the EIP-4788 stand-in.
/// </summary>
public sealed class BeaconProofCallBuilderTests : DevBeaconTestBase
{
    private PrivateKey Operator => Chain.Keys[1];

    private PrivateKey Keeper => Chain.Keys[2];

    private Address Manager => Harness.Deployment.MegapoolManager;

    [Fact]
    public async Task ExitsAndADissolve_OneStateFetchForEveryRequest_AllMined()
    {
        var exiting = new[] { await StakedAsync(), await StakedAsync(), await StakedAsync() };
        var wrong = await PrestakedAsync();
        var now = await MineSlotAsync(12);
        var epoch = now.Slot / DevBeaconSpec.SlotsPerEpoch;
        var requests = new List<ProofCallRequest>();
        foreach (var id in exiting)
        {
            var validator = Beacon.Chain.Exit(PubkeyOf(id), epoch + 1, epoch + 300);
            requests.Add(new ProofCallRequest(ProofCallKind.NotifyExit, Megapool, id, validator.Index));
        }

        var wrongValidator = Beacon.Chain.SetWithdrawalCredentials(PubkeyOf(wrong), DevBeaconChain.Credentials(0x01, Keeper.Address));
        requests.Add(new ProofCallRequest(ProofCallKind.Dissolve, Megapool, wrong, wrongValidator.Index));
        var proven = await MineSlotAsync(12);
        var child = await MineSlotAsync(12);
        var counting = new CountingBeaconClient(Client);
        using var builder = new BeaconProofCallBuilder(counting);

        var first = builder.BuildAsync(Manager, requests.Take(2).ToList(), 0, CancellationToken.None);
        var second = builder.BuildAsync(Manager, requests.Skip(2).ToList(), 0, CancellationToken.None);
        var calls = (await first.WaitAsync(Patience)).Concat(await second.WaitAsync(Patience)).ToList();

        Assert.Equal([proven.StateRoot.ToString()], counting.States);
        Assert.All(calls, c => Assert.Equal(proven.Slot, c.ProvenSlot));
        Assert.All(calls, c => Assert.Equal(Beacon.Chain.SlotTimestamp(child.Slot), c.SlotTimestamp));
        foreach (var call in calls)
        {
            await SendAsync(Keeper, call);
        }

        foreach (var id in exiting)
        {
            Assert.True((await InfoAsync(id)).Exiting, $"Validator {id} was not marked exiting.");
        }

        Assert.True((await InfoAsync(wrong)).Dissolved);
        Assert.Single(counting.States);
    }

    [Fact]
    public async Task BadRequests_FailNamingTheRequest()
    {
        var id = await StakedAsync();
        await MineSlotAsync(12);
        await MineSlotAsync(12);
        using var builder = new BeaconProofCallBuilder(Client);
        var index = Beacon.Chain.Validator(PubkeyOf(id))!.Index;

        var noWithdrawal = new ProofCallRequest(ProofCallKind.FinalBalance, Megapool, id, index);
        var error = await Assert.ThrowsAsync<ProofCallException>(() => builder.BuildAsync(Manager, [noWithdrawal], 0, CancellationToken.None));
        Assert.Same(noWithdrawal, error.Request);
        Assert.Contains("FindFinalWithdrawalAsync", error.Message, StringComparison.Ordinal);

        var unknown = new ProofCallRequest(ProofCallKind.NotifyExit, Megapool, id, 1_000_000);
        error = await Assert.ThrowsAsync<ProofCallException>(() => builder.BuildAsync(Manager, [unknown], 0, CancellationToken.None));
        Assert.Contains("index 1000000", error.Message, StringComparison.Ordinal);

        var future = new ProofCallRequest(ProofCallKind.FinalBalance, Megapool, id, index, new WithdrawalLocation(Beacon.Chain.Head.Slot + 10, 0, 1));
        error = await Assert.ThrowsAsync<ProofCallException>(() => builder.BuildAsync(Manager, [future], 0, CancellationToken.None));
        Assert.Contains("not before the proven slot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleCall_RejectedAfterValidUntil_ANewBuildProvesANewerSlotThatIsMined()
    {
        var id = await StakedAsync();
        var now = await MineSlotAsync(12);
        var epoch = now.Slot / DevBeaconSpec.SlotsPerEpoch;
        var index = Beacon.Chain.Exit(PubkeyOf(id), epoch + 1, epoch + 3000).Index;
        await MineSlotAsync(12);
        await MineSlotAsync(12);
        var counting = new CountingBeaconClient(Client);
        using var builder = new BeaconProofCallBuilder(counting);
        var request = new ProofCallRequest(ProofCallKind.NotifyExit, Megapool, id, index);
        var stale = (await builder.BuildAsync(Manager, [request], 0, CancellationToken.None).WaitAsync(Patience)).Single();
        var again = (await builder.BuildAsync(Manager, [request], 0, CancellationToken.None).WaitAsync(Patience)).Single();
        Assert.Equal(stale.ProvenSlot, again.ProvenSlot);
        Assert.Single(counting.States);

        // The next block lands one second past the proof's window.
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        await MineSlotAsync(stale.ValidUntil + 1 - head.Timestamp);
        await AssertRevertsAsync(stale.Call, "Slot proof too old");

        await MineSlotAsync(12);
        var fresh = (await builder.BuildAsync(Manager, [request], 0, CancellationToken.None).WaitAsync(Patience)).Single();
        Assert.True(fresh.ProvenSlot > stale.ProvenSlot, $"Expected a slot after {stale.ProvenSlot}, got {fresh.ProvenSlot}.");
        Assert.Equal(2, counting.States.Count);
        await SendAsync(Keeper, fresh);
        Assert.True((await InfoAsync(id)).Exiting);
    }

    [Fact]
    public async Task FinalBalance_FoundByTheScanAndProven_RecentThenHistoricalAfterDays()
    {
        var recent = await StakedAsync();
        var old = await StakedAsync();
        var later = await MineSlotAsync(200 * DevBeaconSpec.SlotsPerEpoch * DevBeaconSpec.SecondsPerSlot);
        var epoch = later.Slot / DevBeaconSpec.SlotsPerEpoch;
        var recentIndex = Beacon.Chain.Exit(PubkeyOf(recent), epoch - 10, epoch - 5).Index;
        var oldIndex = Beacon.Chain.Exit(PubkeyOf(old), epoch - 10, epoch - 5).Index;
        var fromSlot = (epoch - 5) * DevBeaconSpec.SlotsPerEpoch;
        await MineSlotAsync(12);
        await MineSlotAsync(12);
        var counting = new CountingBeaconClient(Client);
        using var builder = new BeaconProofCallBuilder(counting);
        foreach (var call in await builder.BuildAsync(
            Manager, [new ProofCallRequest(ProofCallKind.NotifyExit, Megapool, recent, recentIndex), new ProofCallRequest(ProofCallKind.NotifyExit, Megapool, old, oldIndex)], 0, CancellationToken.None))
        {
            await SendAsync(Keeper, call);
        }

        Assert.Null(await builder.FindFinalWithdrawalAsync(recentIndex, fromSlot, CancellationToken.None).WaitAsync(Patience));
        var oldWithdrawal = Beacon.Chain.WithdrawFinalAsync(PubkeyOf(old));
        await MineSlotAsync(12);
        var oldInclusion = await oldWithdrawal.WaitAsync(Patience);
        var recentWithdrawal = Beacon.Chain.WithdrawFinalAsync(PubkeyOf(recent));
        await MineSlotAsync(12);
        var recentInclusion = await recentWithdrawal.WaitAsync(Patience);
        await MineSlotAsync(12);
        await MineSlotAsync(12);

        var found = await builder.FindFinalWithdrawalAsync(recentIndex, fromSlot, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(new WithdrawalLocation(recentInclusion.Slot, recentInclusion.Position, recentInclusion.Withdrawal.AmountGwei), found);
        var oldFound = await builder.FindFinalWithdrawalAsync(oldIndex, fromSlot, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(new WithdrawalLocation(oldInclusion.Slot, oldInclusion.Position, oldInclusion.Withdrawal.AmountGwei), oldFound);
        var blocksRead = counting.Blocks.Count;

        var final = (await builder.BuildAsync(Manager, [new ProofCallRequest(ProofCallKind.FinalBalance, Megapool, recent, recentIndex, found)], 0, CancellationToken.None)).Single();
        await SendAsync(Operator, final);
        Assert.True((await InfoAsync(recent)).Exited);
        Assert.Equal(recentInclusion.Withdrawal.AmountGwei, (await InfoAsync(recent)).ExitBalance);

        // Three days on, the other withdrawal is older than block_roots: its proof runs through historical_summaries.
        await MineSlotAsync(3 * 24 * 3600);
        await MineSlotAsync(12);
        await MineSlotAsync(12);
        var statesBefore = counting.States.Count;
        var historical = (await builder.BuildAsync(Manager, [new ProofCallRequest(ProofCallKind.FinalBalance, Megapool, old, oldIndex, oldFound)], 0, CancellationToken.None)).Single();
        Assert.True(historical.ProvenSlot > oldInclusion.Slot + 8192, $"The proven slot {historical.ProvenSlot} is within 8192 slots of the withdrawal at {oldInclusion.Slot}.");
        Assert.Equal(
            [counting.States[statesBefore], (((oldInclusion.Slot / 8192) + 1) * 8192).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            counting.States.Skip(statesBefore).ToList());
        await SendAsync(Operator, historical);
        Assert.True((await InfoAsync(old)).Exited);
        Assert.Equal(oldInclusion.Withdrawal.AmountGwei, (await InfoAsync(old)).ExitBalance);

        // The scan read the blocks since its last head only (the new blocks of the jump), not the old range again.
        Assert.Equal(oldFound, await builder.FindFinalWithdrawalAsync(oldIndex, fromSlot, CancellationToken.None).WaitAsync(Patience));
        Assert.True(counting.Blocks.Count - blocksRead <= 2 + 5, $"The scan read {counting.Blocks.Count - blocksRead} more blocks; expected the few mined since.");
    }

    private async Task<uint> PrestakedAsync()
    {
        var id = await Harness.NewValidatorAsync(Megapool);
        await Harness.AssignAsync(Megapool, id);
        return id;
    }

    private async Task<uint> StakedAsync()
    {
        var id = await PrestakedAsync();
        await Harness.StakeAsync(Megapool, id);
        return id;
    }

    private Keeper.Chain.Beacon.ValidatorPubkey PubkeyOf(uint id) => Beacon.Chain.Validators.Single(v => v.Megapool == Megapool && v.ValidatorId == id).Pubkey;

    private async Task SendAsync(PrivateKey key, ProvenCall call)
    {
        var receipt = await Chain.SendAsync(key, call.Call.To, call.Call.Data, gas: 3_000_000);
        Assert.True(receipt.Succeeded, $"{call.Call.Description} reverted in block {receipt.BlockNumber}.");
    }

    private async Task AssertRevertsAsync(ContractCall call, string reason)
    {
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => Chain.Eth.CallAsync(new CallRequest(call.To, call.Data, Keeper.Address), BlockTag.Latest, CancellationToken.None));
        Assert.Equal(new RevertReason.ErrorString(reason), RevertDecoder.Decode(error.RevertData ?? []));
    }

    private Task<ValidatorInfo> InfoAsync(uint id) =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), Megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);
}
