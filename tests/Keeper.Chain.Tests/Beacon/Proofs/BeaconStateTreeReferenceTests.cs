using System.Numerics;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;
using Keeper.Chain.Tests.Beacon.Ssz;
using Xunit;

namespace Keeper.Chain.Tests.Beacon.Proofs;

/// <summary>Every proof kind equals the witnesses @chainsafe/persistent-merkle-tree gives for the same generalized index, and verifies against the block root.</summary>
public sealed class BeaconStateTreeReferenceTests
{
    private static readonly UInt128 HeaderStateRoot = BeaconGindices.At(3, 3);

    [Theory]
    [InlineData(BeaconFork.Electra, 1)]
    [InlineData(BeaconFork.Fulu, 1000)]
    public void ProveValidatorAndSlot_EqualTheReference(BeaconFork fork, int validators)
    {
        var state = ChainFixture.State(fork, validators, slot: 9_000_001, seed: validators);
        var tree = BeaconStateTree.Build(state, fork);
        ulong[] indices = [0, (ulong)validators - 1, (ulong)validators / 2, 17 % (ulong)validators];
        var slotGindex = BeaconGindices.At(6, 2);
        var stateGindices = indices.Select(StateValidatorGindex).Append(slotGindex).ToArray();

        var (stateAnswer, headerAnswer) = ReferenceForState(fork, state, tree, stateGindices);

        foreach (var index in indices)
        {
            var proof = tree.ProveValidator(index);
            var reference = stateAnswer.Proofs[Big(StateValidatorGindex(index))];
            Assert.Equal(50, proof.Witnesses.Count);
            Assert.Equal(reference.Witnesses, proof.Witnesses.Take(47));
            Assert.Equal(headerAnswer.Proofs[Big(HeaderStateRoot)].Witnesses, proof.Witnesses.Skip(47));
            var leaf = BeaconTypes.For(fork).Validator.HashTreeRoot(Encode(proof.Validator));
            Assert.Equal(reference.Leaf, leaf);
            Assert.True(MerkleBranch.IsValid(leaf.Bytes, proof.Witnesses.ToBytes(), BeaconGindices.Validator(index), tree.BlockRoot.Bytes));
        }

        var slot = tree.ProveSlot();
        Assert.Equal(9_000_001UL, slot.Slot);
        Assert.Equal(stateAnswer.Proofs[Big(slotGindex)].Witnesses, slot.Witnesses.Take(6));
        Assert.Equal(headerAnswer.Proofs[Big(HeaderStateRoot)].Witnesses, slot.Witnesses.Skip(6));
        Assert.Equal(GenesisWitness(fork, state), slot.Witnesses[1]);
    }

    [Theory]
    [InlineData(BeaconFork.Electra, 5UL)]
    [InlineData(BeaconFork.Fulu, 8192UL)]
    public void ProveWithdrawal_RecentBlock_EqualsTheReference(BeaconFork fork, ulong age)
    {
        const ulong stateSlot = 40_000;
        var withdrawalSlot = stateSlot - age;
        var block = ChainFixture.Block(fork, withdrawalSlot, withdrawals: 16, seed: 7);
        var message = ChainFixture.BlockMessage(block, fork);
        var state = ChainFixture.State(fork, 10, stateSlot, seed: 8);
        ChainFixture.SetBlockRoot(state, fork, withdrawalSlot, BeaconTypes.For(fork).BeaconBlock.HashTreeRoot(message).Bytes);
        var tree = BeaconStateTree.Build(state, fork);
        var blockRootsGindex = BeaconGindices.Concat(BeaconGindices.At(6, 5), BeaconGindices.At(13, withdrawalSlot % 8192));
        int[] nums = [0, 7, 15];

        var (stateAnswer, headerAnswer) = ReferenceForState(fork, state, tree, [blockRootsGindex]);
        var blockAnswer = SszReference.Run(new SszReference.Job(fork, "BeaconBlock", message, nums.Select(n => Big(BeaconGindices.WithdrawalInBlock(n))).ToArray()));

        foreach (var n in nums)
        {
            var proof = tree.ProveWithdrawal(block, fork, n);
            Assert.False(proof.Historical);
            Assert.Equal(withdrawalSlot, proof.WithdrawalSlot);
            Assert.Equal(39, proof.Witnesses.Count);
            var blockPart = blockAnswer.Proofs[Big(BeaconGindices.WithdrawalInBlock(n))];
            Assert.Equal(blockPart.Witnesses, proof.Witnesses.Take(17));
            Assert.Equal(stateAnswer.Proofs[Big(blockRootsGindex)].Witnesses, proof.Witnesses.Skip(17).Take(19));
            Assert.Equal(headerAnswer.Proofs[Big(HeaderStateRoot)].Witnesses, proof.Witnesses.Skip(36));
            var leaf = BeaconTypes.For(fork).Withdrawal.HashTreeRoot(Encode(proof.Withdrawal));
            Assert.Equal(blockPart.Leaf, leaf);
            var gindex = BeaconGindices.Concat(BeaconGindices.RecentBlockRoot(withdrawalSlot), BeaconGindices.WithdrawalInBlock(n));
            Assert.True(MerkleBranch.IsValid(leaf.Bytes, proof.Witnesses.ToBytes(), gindex, tree.BlockRoot.Bytes));
        }
    }

    [Fact]
    public void ProveWithdrawal_HistoricalBlock_EqualsTheReference()
    {
        const BeaconFork fork = BeaconFork.Electra;
        const ulong capellaSlot = 8192 * 2;
        const ulong withdrawalSlot = (8192 * 3) + 100;
        const ulong stateSlot = (8192 * 6) + 5;
        var block = ChainFixture.Block(fork, withdrawalSlot, withdrawals: 3, seed: 11);
        var message = ChainFixture.BlockMessage(block, fork);
        var periodState = ChainFixture.State(fork, 2, BeaconStateTree.HistoricalPeriodStateSlot(withdrawalSlot), seed: 12);
        ChainFixture.SetBlockRoot(periodState, fork, withdrawalSlot, BeaconTypes.For(fork).BeaconBlock.HashTreeRoot(message).Bytes);
        var stateType = BeaconTypes.For(fork).BeaconState;
        var periodRoots = stateType.FieldSlice(periodState, "block_roots").In(periodState).ToArray();
        var state = ChainFixture.State(fork, 5, stateSlot, seed: 13, historicalSummaries: 4);
        ChainFixture.SetHistoricalBlockSummary(state, fork, 1, stateType.FieldType("block_roots").HashTreeRoot(periodRoots).Bytes);
        var tree = BeaconStateTree.Build(state, fork);
        var summaryGindex = BeaconGindices.Concat(
            BeaconGindices.Concat(BeaconGindices.Concat(BeaconGindices.At(6, 27), BeaconGindices.At(1, 0)), BeaconGindices.At(24, 1)), BeaconGindices.At(1, 0));
        var periodGindex = BeaconGindices.Concat(BeaconGindices.At(6, 5), BeaconGindices.At(13, withdrawalSlot % 8192));

        var (stateAnswer, headerAnswer) = ReferenceForState(fork, state, tree, [summaryGindex]);
        var answers = SszReference.Run(
        [
            new SszReference.Job(fork, "BeaconBlock", message, [Big(BeaconGindices.WithdrawalInBlock(2))]),
            new SszReference.Job(fork, "BeaconState", periodState, [Big(periodGindex)]),
        ]);

        Assert.True(tree.IsHistorical(withdrawalSlot));
        var proof = tree.ProveWithdrawal(block, fork, 2, periodRoots, capellaSlot);

        Assert.True(proof.Historical);
        Assert.Equal(65, proof.Witnesses.Count);
        Assert.Equal(answers[0].Proofs[Big(BeaconGindices.WithdrawalInBlock(2))].Witnesses, proof.Witnesses.Take(17));
        Assert.Equal(answers[1].Proofs[Big(periodGindex)].Witnesses.Take(13), proof.Witnesses.Skip(17).Take(13));
        Assert.Equal(stateAnswer.Proofs[Big(summaryGindex)].Witnesses, proof.Witnesses.Skip(30).Take(32));
        Assert.Equal(headerAnswer.Proofs[Big(HeaderStateRoot)].Witnesses, proof.Witnesses.Skip(62));
        var gindex = BeaconGindices.Concat(BeaconGindices.HistoricalBlockRoot(1, withdrawalSlot), BeaconGindices.WithdrawalInBlock(2));
        var leaf = BeaconTypes.For(fork).Withdrawal.HashTreeRoot(Encode(proof.Withdrawal));
        Assert.True(MerkleBranch.IsValid(leaf.Bytes, proof.Witnesses.ToBytes(), gindex, tree.BlockRoot.Bytes));
    }

    internal static UInt128 StateValidatorGindex(ulong index) =>
        BeaconGindices.Concat(BeaconGindices.Concat(BeaconGindices.At(6, 11), BeaconGindices.At(1, 0)), BeaconGindices.At(40, index));

    internal static BigInteger Big(UInt128 value) => BigInteger.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    internal static byte[] Encode(ProvenValidator v)
    {
        var types = BeaconTypes.For(BeaconFork.Electra);
        return types.Validator.Serialize(new Dictionary<string, byte[]>
        {
            ["pubkey"] = v.Pubkey,
            ["withdrawal_credentials"] = v.WithdrawalCredentials.ToArray(),
            ["effective_balance"] = BitConverter.GetBytes(v.EffectiveBalance),
            ["slashed"] = [v.Slashed ? (byte)1 : (byte)0],
            ["activation_eligibility_epoch"] = BitConverter.GetBytes(v.ActivationEligibilityEpoch),
            ["activation_epoch"] = BitConverter.GetBytes(v.ActivationEpoch),
            ["exit_epoch"] = BitConverter.GetBytes(v.ExitEpoch),
            ["withdrawable_epoch"] = BitConverter.GetBytes(v.WithdrawableEpoch),
        });
    }

    private static byte[] Encode(ProvenWithdrawal w) => BeaconTypes.For(BeaconFork.Electra).Withdrawal.Serialize(new Dictionary<string, byte[]>
    {
        ["index"] = BitConverter.GetBytes(w.Index),
        ["validator_index"] = BitConverter.GetBytes(w.ValidatorIndex),
        ["address"] = w.Address.ToArray(),
        ["amount"] = BitConverter.GetBytes(w.AmountInGwei),
    });

    private static Hash32 GenesisWitness(BeaconFork fork, byte[] state)
    {
        var type = BeaconTypes.For(fork).BeaconState;
        var block = new byte[64];
        type.FieldSlice(state, "genesis_time").In(state).CopyTo(block);
        type.FieldSlice(state, "genesis_validators_root").In(state).CopyTo(block.AsSpan(32));
        return new Hash32(System.Security.Cryptography.SHA256.HashData(block));
    }

    /// <summary>The reference's proofs in the state, and of state_root in the header with the state root filled in; checks both roots.</summary>
    private static (SszReference.Answer State, SszReference.Answer Header) ReferenceForState(BeaconFork fork, byte[] state, BeaconStateTree tree, UInt128[] gindices)
    {
        var types = BeaconTypes.For(fork);
        var header = types.BeaconState.FieldSlice(state, "latest_block_header").In(state).ToArray();
        tree.StateRoot.Bytes.CopyTo(header.AsSpan(types.BeaconBlockHeader.FieldSlice(header, "state_root").Offset));
        var answers = SszReference.Run(
        [
            new SszReference.Job(fork, "BeaconState", state, gindices.Select(Big).ToArray()),
            new SszReference.Job(fork, "BeaconBlockHeader", header, [Big(HeaderStateRoot)]),
        ]);
        Assert.Equal(answers[0].Root, tree.StateRoot);
        Assert.Equal(answers[1].Root, tree.BlockRoot);
        return (answers[0], answers[1]);
    }
}
