using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// A keeper process never sends a proof that has aged past the contracts' hour, building a newer one once the beacon node
/// has one; dissolves prestaked validators whose beacon record breaks the rules, with a proof, in the first block after
/// the beacon read that shows it; and leaves a compliant one alone.
/// </summary>
public sealed class ProofDutyDissolveTests : ProofDutyProcessTestBase
{
    [Fact]
    public async Task WrongCredentials_AgedProofRebuiltNotSent_DissolvedAtOnceWithAProof_CompliantNeverTouched()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[5].Address);
        var wrongAtStart = await ValidatorAsync(megapool, staked: false);
        var wrongLater = await ValidatorAsync(megapool, staked: false);
        var wrong = await ValidatorAsync(megapool, staked: false);
        var compliant = await ValidatorAsync(megapool, staked: false);
        await StartBeaconAsync();
        var other = DevBeaconChain.Credentials(0x01, Chain.Keys[0].Address);

        // One validator is already wrong, in two beacon blocks, when the node starts: its first beacon read (a second
        // after it knows its validators) sees it, and the dissolve goes into the first block.
        Beacon.Chain.SetWithdrawalCredentials(BeaconValidator(megapool, wrongAtStart).Pubkey, other);
        await MineSlotWithAutomineAsync();
        await MineSlotWithAutomineAsync();
        await ManualMiningAsync();
        var first = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        var node = await StartProvingKeeperAsync(1);
        var nodes = new[] { node };
        await WaitUntilAsync(
            async () => await KeeperNonceAsync(BlockTag.Pending) == 1,
            TimeSpan.FromSeconds(60),
            () => $"the keeper sent no dissolve for the validator wrong at its start:\n{Log()}");
        var before = await HeadTimeAsync();
        var start = before + BlockSeconds;
        Assert.True(EpochAt(start + 24) == EpochAt(before), $"the set-up took most of beacon epoch {EpochAt(before)} of chain time; the test needs three more slots of it");
        await MineAsync(start, nodes);
        var atStart = Assert.Single(await ChainLedger.SentByAsync(Chain, [KeeperAddress], first));
        Assert.Equal(first, atStart.Block);
        Assert.True(IsManagerCall<DissolveWithProofFunction>(atStart) && atStart.Succeeded, $"expected a successful proof dissolve to the manager, got a call to {atStart.To} (succeeded: {atStart.Succeeded})");
        Assert.Equal((megapool, wrongAtStart), (ProofCallHead(atStart).Megapool, ProofCallHead(atStart).ValidatorId));

        Beacon.Chain.SetWithdrawalCredentials(BeaconValidator(megapool, wrongLater).Pubkey, other);
        await MineAsync(start + 12, nodes);
        await MineAsync(start + 24, nodes);
        var held = Beacon.Chain.Head;
        var late = Beacon.Chain.SlotTimestamp(held.Slot) + ProvenCall.RecencySeconds + 100;
        await MineAsync(late, nodes, step: false);
        await WaitUntilAsync(
            () => Task.FromResult(Log().Contains($"proof call for {TaskKey(megapool, wrongLater)} proves slot", StringComparison.Ordinal) || Log().Contains("Building the proof calls of", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            () => $"the keeper neither built a too-old proof nor refused to build one while the beacon head is over an hour behind:\n{Log()}");
        await MineAsync(late + BlockSeconds, nodes, step: false);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.Single(await ChainLedger.SentByAsync(Chain, [KeeperAddress], first));
        Assert.False((await InfoAsync(megapool, wrongLater)).Dissolved);

        // The beacon node produces the block of the chain's head: the next head's proof is of a newer slot, and goes out.
        var fresh = await Beacon.StepAsync(CancellationToken.None) ?? throw new InvalidOperationException("The held beacon node produced no block for the chain's head.");
        await MineAsync(late + (2 * BlockSeconds), nodes, step: false);
        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(60)), $"the keeper sent no dissolve once the beacon node had a fresh block:\n{Log()}");
        var time = await MineUntilNothingPendingAsync(late + (3 * BlockSeconds), nodes, [1]);
        var rebuilt = (await ChainLedger.SentByAsync(Chain, [KeeperAddress], first))[^1];
        Assert.True(IsManagerCall<DissolveWithProofFunction>(rebuilt) && rebuilt.Succeeded, $"expected a successful proof dissolve, got a call to {rebuilt.To} (succeeded: {rebuilt.Succeeded})");
        var (rebuiltPool, rebuiltId, slotTimestamp) = ProofCallHead(rebuilt);
        Assert.Equal((megapool, wrongLater), (rebuiltPool, rebuiltId));
        Assert.Equal(Beacon.Chain.SlotTimestamp(fresh.Slot), slotTimestamp);
        Assert.Equal(late + (3 * BlockSeconds), await BlockTimeAsync(rebuilt.Block));
        Assert.True((await InfoAsync(megapool, wrongLater)).Dissolved);

        // Another validator goes wrong, in two beacon blocks within an epoch: the read at the next epoch's first head sees
        // it, and the head's parent, which the keeper proves, has it whether or not the beacon node has stepped for that
        // head yet. (A read of the epoch before may see it too, if it ran after the beacon node stepped: the keeper is
        // then earlier.)
        var epoch = EpochAt(time) + 1;
        await MineAsync(EpochStart(epoch), nodes);
        Beacon.Chain.SetWithdrawalCredentials(BeaconValidator(megapool, wrong).Pubkey, other);
        await MineAsync(EpochStart(epoch) + 12, nodes);
        await MineAsync(EpochStart(epoch) + 24, nodes);
        await MineAsync(EpochStart(epoch + 1), nodes);
        await WaitUntilAsync(
            async () => await KeeperNonceAsync(BlockTag.Pending) == 3,
            TimeSpan.FromSeconds(60),
            () => $"the keeper sent no dissolve after the first epoch's beacon read that shows the wrong credentials:\n{Log()}");
        await MineAsync(EpochStart(epoch + 1) + BlockSeconds, nodes);
        var dissolve = (await ChainLedger.SentByAsync(Chain, [KeeperAddress], first))[^1];
        Assert.True(IsManagerCall<DissolveWithProofFunction>(dissolve) && dissolve.Succeeded, $"expected a successful proof dissolve to the manager, got a call to {dissolve.To} (succeeded: {dissolve.Succeeded})");
        Assert.Equal((megapool, wrong), (ProofCallHead(dissolve).Megapool, ProofCallHead(dissolve).ValidatorId));
        Assert.InRange(await BlockTimeAsync(dissolve.Block), EpochStart(epoch) + 14, EpochStart(epoch + 1) + BlockSeconds);
        Assert.True((await InfoAsync(megapool, wrong)).Dissolved);

        // Two more epochs of reads: the compliant validator is never touched.
        await MineAsync(EpochStart(epoch + 2), nodes);
        await MineAsync(EpochStart(epoch + 3), nodes);
        await MineAsync(EpochStart(epoch + 3) + BlockSeconds, nodes);
        var sent = await ChainLedger.SentByAsync(Chain, [KeeperAddress], first);
        Assert.Equal(3, sent.Count);
        Assert.All(sent, tx => Assert.NotEqual(compliant, ProofCallHead(tx).ValidatorId));
        Assert.False((await InfoAsync(megapool, compliant)).Dissolved);
        Assert.Equal(3UL, await KeeperNonceAsync(BlockTag.Pending));
    }

    // Before the node runs: a block in the next slot, mined at once, and the beacon block of its slot.
    private async Task MineSlotWithAutomineAsync()
    {
        await Chain.IncreaseTimeAsync(12);
        await Chain.MineAsync();
        await Beacon.StepAsync(CancellationToken.None);
    }

    private static string TaskKey(Address megapool, uint id) => Keeper.Actors.Tracking.TaskKeys.DissolveProof(megapool, id);
}
