using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// A keeper process dissolves prestaked validators whose beacon record breaks the rules, with a proof, in the first block
/// after the beacon read that shows it; leaves a compliant one alone; and never sends a proof that has aged past the
/// contracts' hour, building a newer one once the beacon node has one.
/// </summary>
public sealed class ProofDutyDissolveTests : ProofDutyProcessTestBase
{
    [Fact]
    public async Task WrongCredentials_DissolvedAtOnceWithAProof_CompliantNeverTouched_AgedProofRebuiltNotSent()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[5].Address);
        var wrong = await ValidatorAsync(megapool, staked: false);
        var compliant = await ValidatorAsync(megapool, staked: false);
        var wrongLater = await ValidatorAsync(megapool, staked: false);
        await StartBeaconAsync();
        var node = await StartProvingKeeperAsync(1);
        await ManualMiningAsync();
        var nodes = new[] { node };
        var first = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        var epoch = EpochAt(await HeadTimeAsync()) + 1;

        // A beacon read at the start of an epoch sees every validator compliant.
        await MineAsync(EpochStart(epoch) + 12, nodes);
        var other = DevBeaconChain.Credentials(0x01, Chain.Keys[0].Address);
        Beacon.Chain.SetWithdrawalCredentials(BeaconValidator(megapool, wrong).Pubkey, other);

        // Two beacon blocks hold the change within the epoch: the read at the next epoch's first head sees it, and the
        // head's parent, which the keeper proves, has it whether or not the beacon node has stepped for that head yet.
        await MineAsync(EpochStart(epoch) + 24, nodes);
        await MineAsync(EpochStart(epoch) + 36, nodes);
        await MineAsync(EpochStart(epoch + 1), nodes);
        await WaitUntilAsync(
            async () => await KeeperNonceAsync(BlockTag.Pending) == 1,
            TimeSpan.FromSeconds(60),
            () => $"the keeper sent no dissolve after the first epoch's beacon read that shows the wrong credentials:\n{Log()}");
        await MineAsync(EpochStart(epoch + 1) + BlockSeconds, nodes);
        Assert.True((await InfoAsync(megapool, wrong)).Dissolved, Log());
        var dissolve = Assert.Single(await ChainLedger.SentByAsync(Chain, [KeeperAddress], first));
        Assert.True(IsManagerCall<DissolveWithProofFunction>(dissolve) && dissolve.Succeeded, $"expected a successful proof dissolve to the manager, got a call to {dissolve.To} (succeeded: {dissolve.Succeeded})");
        Assert.Equal((megapool, wrong), (ProofCallHead(dissolve).Megapool, ProofCallHead(dissolve).ValidatorId));

        // A read sees the change at the latest at the first head of the next epoch; the keeper is in the block after it.
        // (A read of the epoch before may see it too, if it ran after the beacon node stepped: the keeper is then earlier.)
        var dissolvedAt = await BlockTimeAsync(dissolve.Block);
        Assert.InRange(dissolvedAt, EpochStart(epoch) + 26, EpochStart(epoch + 1) + BlockSeconds);

        // The read that found the change is done (its dissolve is mined), and the next is at the next epoch's first head.
        // Another validator goes wrong now, in two beacon blocks; then the beacon node stops producing blocks while the
        // chain moves on more than an hour. That next read sees the change in the held head, but any proof of it is too
        // old for the next block, so nothing may be sent.
        Beacon.Chain.SetWithdrawalCredentials(BeaconValidator(megapool, wrongLater).Pubkey, other);
        await MineAsync(EpochStart(epoch + 1) + 12, nodes);
        await MineAsync(EpochStart(epoch + 1) + 24, nodes);
        var held = Beacon.Chain.Head;
        var late = Beacon.Chain.SlotTimestamp(held.Slot) + ProvenCall.RecencySeconds + 100;
        await MineAsync(late, nodes, step: false);
        await WaitUntilAsync(
            () => Task.FromResult(Log().Contains($"proof call for {TaskKey(megapool, wrongLater)} proves slot", StringComparison.Ordinal) || Log().Contains("Building the proof calls of", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            () => $"the keeper neither built a too-old proof nor refused to build one while the beacon head is over an hour behind:\n{Log()}");
        await MineAsync(late + BlockSeconds, nodes, step: false);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.False((await InfoAsync(megapool, wrongLater)).Dissolved);

        // The beacon node produces the block of the chain's head: the next head's proof is of a newer slot, and goes out.
        var fresh = await Beacon.StepAsync(CancellationToken.None) ?? throw new InvalidOperationException("The held beacon node produced no block for the chain's head.");
        await MineAsync(late + (2 * BlockSeconds), nodes, step: false);
        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(60)), $"the keeper sent no dissolve once the beacon node had a fresh block:\n{Log()}");
        var last = await MineUntilNothingPendingAsync(late + (3 * BlockSeconds), nodes, [1]);

        // Two more epochs of reads with a fresh beacon node: the compliant validator is never touched.
        await MineAsync(EpochStart(EpochAt(last) + 1), nodes);
        await MineAsync(EpochStart(EpochAt(last) + 2), nodes);
        await MineAsync(EpochStart(EpochAt(last) + 2) + BlockSeconds, nodes);

        var sent = await ChainLedger.SentByAsync(Chain, [KeeperAddress], first);
        Assert.Equal(2, sent.Count);
        var rebuilt = sent[1];
        Assert.True(IsManagerCall<DissolveWithProofFunction>(rebuilt) && rebuilt.Succeeded, $"expected a successful proof dissolve, got a call to {rebuilt.To} (succeeded: {rebuilt.Succeeded})");
        var (rebuiltPool, rebuiltId, slotTimestamp) = ProofCallHead(rebuilt);
        Assert.Equal((megapool, wrongLater), (rebuiltPool, rebuiltId));
        Assert.Equal(Beacon.Chain.SlotTimestamp(fresh.Slot), slotTimestamp);
        Assert.True(await BlockTimeAsync(rebuilt.Block) > late + BlockSeconds, "the dissolve was mined while the beacon node was held");
        Assert.True((await InfoAsync(megapool, wrongLater)).Dissolved);
        Assert.False((await InfoAsync(megapool, compliant)).Dissolved);
        Assert.All(sent, tx => Assert.NotEqual(compliant, ProofCallHead(tx).ValidatorId));
    }

    private static string TaskKey(Address megapool, uint id) => Keeper.Actors.Tracking.TaskKeys.DissolveProof(megapool, id);
}
