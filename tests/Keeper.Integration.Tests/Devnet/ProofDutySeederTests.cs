using System.Globalization;
using System.Numerics;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Keeper.Integration.Tests.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Devnet;

/// <summary>
/// The devnet's proof duties are real: what the seeder says is due can be done with proofs from the beacon chain, at
/// the time it says, and the chain shows the state each kind starts from.
/// </summary>
public sealed class ProofDutySeederTests : DevBeaconTestBase
{
    private static readonly BigInteger LateNotifyFine = BigInteger.Parse("50000000000000000", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Seed_OneOfEachKind_EachDueWhenTheSeederSaysAndDoneWithARealProof()
    {
        var tasks = await new ProofDutySeeder(Chain, Harness, Beacon, TextWriter.Null).SeedAsync(1, CancellationToken.None);

        var wrong = Assert.Single(tasks, t => t.Kind == DevnetTaskKind.DissolveProof);
        var late = Assert.Single(tasks, t => t.Kind == DevnetTaskKind.NotifyExit);
        var final = Assert.Single(tasks, t => t.Kind == DevnetTaskKind.FinalBalance);
        Assert.True((await InfoAsync(wrong)).InPrestake);
        Assert.True((await InfoAsync(late)).Staked);
        Assert.False((await InfoAsync(late)).Exiting);

        // Final balance: reported exiting on time (no fine), its final withdrawal in a beacon block at or after its
        // withdrawable epoch, due the user distribute delay (1575 epochs by default) after that withdrawal's epoch.
        var finalInfo = await InfoAsync(final);
        Assert.True(finalInfo.Exiting);
        Assert.Equal(BigInteger.Zero, await DebtAsync(final.Target));
        var finalValidator = BeaconValidator(final);
        var withdrawalSlot = Assert.Single(Beacon.Chain.Blocks, b => b.Withdrawals.Any(w => w.ValidatorIndex == finalValidator.Index)).Slot;
        Assert.True(withdrawalSlot / DevBeaconSpec.SlotsPerEpoch >= finalValidator.WithdrawableEpoch);
        var finalFromSlot = ((withdrawalSlot / DevBeaconSpec.SlotsPerEpoch) + 1575) * DevBeaconSpec.SlotsPerEpoch;
        Assert.Equal(finalFromSlot, final.ProvableFromSlot);
        // The earliest block that can carry a proof of that slot: one after the first block of the slot after it.
        Assert.Equal(Beacon.Chain.SlotTimestamp(finalFromSlot + 1) + 1, final.DueAt);

        // Wrong credentials: dissolved at once with a proof.
        var (slotTimestamp, tree) = await ProvableAsync();
        Assert.True(slotTimestamp >= wrong.DueAt);
        var dissolve = MegapoolManager.DissolveWithProof(Harness.Deployment.MegapoolManager, wrong.Target, wrong.ValidatorId!.Value, slotTimestamp,
            ProofStructs.From(tree.ProveValidator(BeaconValidator(wrong).Index)), ProofStructs.From(tree.ProveSlot()));
        Assert.True((await Chain.SendAsync(Chain.Keys[5], dissolve.To, dissolve.Data, gas: 3_000_000)).Succeeded, dissolve.Description);
        Assert.True((await InfoAsync(wrong)).Dissolved);

        // Unreported exit: a report proven in the task's first epoch is late, and the operator's debt takes the fine.
        var lateValidator = BeaconValidator(late);
        Assert.NotEqual(ulong.MaxValue, lateValidator.WithdrawableEpoch);
        var lateFromSlot = late.ProvableFromSlot!.Value;
        Assert.Equal(0UL, lateFromSlot % DevBeaconSpec.SlotsPerEpoch);
        Assert.Equal(Beacon.Chain.SlotTimestamp(lateFromSlot + 1) + 1, late.DueAt);
        await Chain.SetNextBlockTimestampAsync(Beacon.Chain.SlotTimestamp(lateFromSlot));
        await Chain.MineAsync();
        var (lateTimestamp, lateTree) = await ProvableAfterHeadAsync();
        Assert.Equal(lateFromSlot, lateTree.Slot);
        var notify = MegapoolManager.NotifyExit(Harness.Deployment.MegapoolManager, late.Target, late.ValidatorId!.Value, lateTimestamp,
            ProofStructs.From(lateTree.ProveValidator(lateValidator.Index)), ProofStructs.From(lateTree.ProveSlot()));
        Assert.True((await Chain.SendAsync(Chain.Keys[5], notify.To, notify.Data, gas: 3_000_000)).Succeeded, notify.Description);
        Assert.True((await InfoAsync(late)).Exiting);
        Assert.Equal(LateNotifyFine, await DebtAsync(late.Target));
    }

    private DevValidator BeaconValidator(DevnetTask task) =>
        Beacon.Chain.Validators.Single(v => v.Megapool == task.Target && v.ValidatorId == task.ValidatorId);

    // The head's slot has a block: mine its child and prove the head's state.
    private async Task<(ulong SlotTimestamp, BeaconStateTree Tree)> ProvableAfterHeadAsync()
    {
        var proven = await Beacon.StepAsync(CancellationToken.None) ?? throw new InvalidOperationException("The mined block produced no beacon block.");
        var child = await MineSlotAsync(12);
        return (Beacon.Chain.SlotTimestamp(child.Slot), BeaconStateTree.Build(Beacon.Chain.StateAt(proven.Slot), Keeper.Chain.Beacon.Ssz.BeaconFork.Electra));
    }

    private async Task<(ulong SlotTimestamp, BeaconStateTree Tree)> ProvableAsync()
    {
        var proven = await MineSlotAsync(12);
        var child = await MineSlotAsync(12);
        return (Beacon.Chain.SlotTimestamp(child.Slot), BeaconStateTree.Build(Beacon.Chain.StateAt(proven.Slot), Keeper.Chain.Beacon.Ssz.BeaconFork.Electra));
    }

    private Task<ValidatorInfo> InfoAsync(DevnetTask task) =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), task.Target).GetValidatorInfoAsync(task.ValidatorId!.Value, BlockTag.Latest, CancellationToken.None);

    private Task<BigInteger> DebtAsync(Address megapool) =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), megapool).GetDebtAsync(BlockTag.Latest, CancellationToken.None);
}
