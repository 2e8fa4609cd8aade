using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Host.Devnet.Beacon;
using Xunit;
using static Keeper.Host.Tests.Devnet.Beacon.DevBeaconTestKit;

namespace Keeper.Host.Tests.Devnet.Beacon;

/// <summary>Keeper's prover builds every proof shape from devnet states, each checked against the devnet block root.</summary>
public sealed class DevBeaconProofTests
{
    private static readonly BeaconTypes Types = BeaconTypes.For(BeaconFork.Electra);

    [Fact]
    public void ValidatorAndSlotProofs_FromTheHeadState_LeadToTheHeadBlockRoot()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, prestake: true), Entry(2, staked: true)]);
        chain.Exit(Pubkey(2), exitEpoch: 3);
        var head = chain.Produce(Execution(100))!;

        var tree = BeaconStateTree.Build(chain.StateAt(head.Slot), BeaconFork.Electra);
        var validator = tree.ProveValidator(1);
        var slot = tree.ProveSlot();

        Assert.Equal(head.Root, tree.BlockRoot);
        Assert.Equal((head.Root, 100UL), (slot.BlockRoot, slot.Slot));
        Assert.Equal(head.Root, validator.BlockRoot);
        Assert.Equal(3UL, validator.Validator.ExitEpoch);
    }

    [Fact]
    public async Task WithdrawalProof_RecentAndAfterAJumpOfPeriods_LeadsToTheLaterBlockRoot()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, staked: true)]);
        var pending = chain.WithdrawFinalAsync(Pubkey(1));
        var withdrawalBlock = chain.Produce(Execution(5))!;
        var recent = chain.Produce(Execution(9))!;
        var late = chain.Produce(Execution((3 * 8192) + 10))!;
        var inclusion = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        var signed = DevBeaconChain.SignedBlock(withdrawalBlock);

        var recentProof = BeaconStateTree.Build(chain.StateAt(recent.Slot), BeaconFork.Electra).ProveWithdrawal(signed, BeaconFork.Electra, inclusion.Position);
        var lateTree = BeaconStateTree.Build(chain.StateAt(late.Slot), BeaconFork.Electra);
        var periodState = chain.StateAt(BeaconStateTree.HistoricalPeriodStateSlot(withdrawalBlock.Slot));
        var periodRoots = Types.BeaconState.FieldSlice(periodState, "block_roots").In(periodState.AsSpan());
        var lateProof = lateTree.ProveWithdrawal(signed, BeaconFork.Electra, inclusion.Position, periodRoots, capellaSlot: 0);

        Assert.Equal((recent.Root, 5UL), (recentProof.BlockRoot, recentProof.WithdrawalSlot));
        Assert.Equal((late.Root, 5UL), (lateProof.BlockRoot, lateProof.WithdrawalSlot));
        Assert.True(lateTree.IsHistorical(withdrawalBlock.Slot));
        Assert.Equal(32_000_000_000UL, lateProof.Withdrawal.AmountInGwei);
    }
}
