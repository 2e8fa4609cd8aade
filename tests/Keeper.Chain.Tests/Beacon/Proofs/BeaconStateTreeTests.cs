using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;
using Xunit;

namespace Keeper.Chain.Tests.Beacon.Proofs;

public sealed class BeaconStateTreeTests
{
    private const BeaconFork Fork = BeaconFork.Electra;
    private static readonly BeaconTypes Types = BeaconTypes.For(Fork);

    [Fact]
    public void ProveValidator_OneWitnessFlipped_NoLongerVerifies()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 40, slot: 1000, seed: 1), Fork);
        var proof = tree.ProveValidator(33);
        var leaf = Types.Validator.HashTreeRoot(BeaconStateTreeReferenceTests.Encode(proof.Validator));
        Assert.True(MerkleBranch.IsValid(leaf.Bytes, proof.Witnesses.ToBytes(), BeaconGindices.Validator(33), tree.BlockRoot.Bytes));

        for (var i = 0; i < proof.Witnesses.Count; i++)
        {
            var flipped = proof.Witnesses.ToBytes();
            flipped[(i * 32) + 5] ^= 0x01;
            Assert.False(MerkleBranch.IsValid(leaf.Bytes, flipped, BeaconGindices.Validator(33), tree.BlockRoot.Bytes), $"witness {i} flipped still verifies");
        }

        Assert.False(MerkleBranch.IsValid(leaf.Bytes, proof.Witnesses.ToBytes(), BeaconGindices.Validator(32), tree.BlockRoot.Bytes));
    }

    [Fact]
    public void ProveValidator_IndexPastTheRegistry_SaysHowManyThereAre()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 3, slot: 1000, seed: 2), Fork);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProveValidator(3));
        Assert.Contains("has 3 validators", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StateOfASlotWithoutBlock_AsksForTheBlockHeader()
    {
        var state = ChainFixture.State(Fork, 3, slot: 1000, seed: 3);
        var header = Types.BeaconState.FieldSlice(state, "latest_block_header");
        state[header.Offset + Types.BeaconBlockHeader.FieldSlice(state, "state_root").Offset] = 0x42;

        var e = Assert.Throws<BeaconProofException>(() => BeaconStateTree.Build(state, Fork));

        Assert.Contains("no block of its own", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GivenHeader_ProvesAgainstItsRootOrRefusesAnotherStatesHeader()
    {
        var state = ChainFixture.State(Fork, 3, slot: 1000, seed: 4);
        var own = BeaconStateTree.Build(state, Fork);
        var header = Types.BeaconBlockHeader.Serialize(new Dictionary<string, byte[]>
        {
            ["slot"] = BitConverter.GetBytes(1000UL),
            ["state_root"] = own.StateRoot.ToArray(),
            ["body_root"] = Enumerable.Repeat((byte)7, 32).ToArray(),
        });

        var tree = BeaconStateTree.Build(state, Fork, header);

        Assert.Equal(Types.BeaconBlockHeader.HashTreeRoot(header), tree.BlockRoot);
        Assert.Equal(tree.BlockRoot, tree.ProveSlot().BlockRoot);
        header[^40] ^= 1;
        var e = Assert.Throws<BeaconProofException>(() => BeaconStateTree.Build(state, Fork, header));
        Assert.Contains("not to this state", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveWithdrawal_BlockNotInBlockRoots_SaysItIsNotOnTheChain()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 3, slot: 1000, seed: 5), Fork);
        var block = ChainFixture.Block(Fork, 990, withdrawals: 2, seed: 6);

        var e = Assert.Throws<BeaconProofException>(() => tree.ProveWithdrawal(block, Fork, 1));

        Assert.Contains("not on this state's chain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveWithdrawal_OldBlockWithoutPeriodRoots_NamesTheStateToFetch()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 3, slot: 30_000, seed: 7), Fork);
        var block = ChainFixture.Block(Fork, 10_000, withdrawals: 2, seed: 8);

        var e = Assert.Throws<BeaconProofException>(() => tree.ProveWithdrawal(block, Fork, 0));

        Assert.Contains("block_roots field of the state at slot 16384", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveWithdrawal_WrongPeriodRoots_SaysTheSummaryDiffers()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 3, slot: 30_000, seed: 9), Fork);
        var block = ChainFixture.Block(Fork, 10_000, withdrawals: 2, seed: 10);

        var e = Assert.Throws<BeaconProofException>(() => tree.ProveWithdrawal(block, Fork, 0, new byte[8192 * 32], capellaSlot: 0));

        Assert.Contains("historical summary 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveWithdrawal_NumberPastTheBlocksWithdrawals_SaysHowManyThereAre()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 3, slot: 1000, seed: 11), Fork);
        var block = ChainFixture.Block(Fork, 990, withdrawals: 2, seed: 12);

        var e = Assert.Throws<BeaconProofException>(() => tree.ProveWithdrawal(block, Fork, 2));

        Assert.Contains("has 2 withdrawals", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveValidators_WholeRegistryInOrder_EqualsOneByOneProofs()
    {
        var tree = BeaconStateTree.Build(ChainFixture.State(Fork, 77, slot: 1000, seed: 13), Fork);

        var batch = tree.ProveValidators(Enumerable.Range(0, 77).Select(i => (ulong)i).Concat([5UL, 76UL, 0UL])).ToArray();

        Assert.Equal(80, batch.Length);
        foreach (var proof in batch)
        {
            var single = tree.ProveValidator(proof.ValidatorIndex);
            Assert.Equal(single.Witnesses, proof.Witnesses);
            Assert.Equal(single.Validator.Pubkey, proof.Validator.Pubkey);
            var leaf = Types.Validator.HashTreeRoot(BeaconStateTreeReferenceTests.Encode(proof.Validator));
            Assert.True(MerkleBranch.IsValid(leaf.Bytes, proof.Witnesses.ToBytes(), BeaconGindices.Validator(proof.ValidatorIndex), tree.BlockRoot.Bytes));
        }
    }

    [Fact]
    public void BranchMemo_WitnessFlippedAfterAVerifiedNeighbour_StillFails()
    {
        var leaves = new byte[8 * 32];
        new Random(14).NextBytes(leaves);
        var layers = MerkleLayers.Build(leaves, 3);
        var memo = new BranchMemo(3);
        var branch0 = new byte[96];
        layers.WriteBranch(0, branch0);
        var branch1 = new byte[96];
        layers.WriteBranch(1, branch1);
        var flipped = (byte[])branch1.Clone();
        flipped[70] ^= 1;

        Assert.True(memo.Reaches(layers.Node(0, 0), branch0, 0, layers.Root));
        Assert.False(memo.Reaches(layers.Node(0, 1), flipped, 1, layers.Root));
        Assert.True(memo.Reaches(layers.Node(0, 1), branch1, 1, layers.Root));
        Assert.False(memo.Reaches(layers.Node(0, 2), branch1, 2, layers.Root));
    }
}
