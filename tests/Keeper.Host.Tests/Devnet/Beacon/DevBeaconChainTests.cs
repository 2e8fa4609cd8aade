using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet.Beacon;
using Xunit;
using static Keeper.Host.Tests.Devnet.Beacon.DevBeaconTestKit;

namespace Keeper.Host.Tests.Devnet.Beacon;

public sealed class DevBeaconChainTests
{
    private static readonly BeaconTypes Types = BeaconTypes.For(BeaconFork.Electra);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(11, 0)]
    [InlineData(12, 1)]
    [InlineData(12 * 8192 + 11, 8192)]
    public void SlotAt_SecondsAfterGenesis_IsTheSlotThatContainsThem(ulong seconds, ulong slot)
    {
        var chain = new DevBeaconChain(Genesis);

        Assert.Equal(slot, chain.SlotAt(Genesis + seconds));
        Assert.Equal(Genesis + (slot * 12), chain.SlotTimestamp(slot));
    }

    [Fact]
    public void SlotAt_BeforeGenesis_ThrowsNamingGenesis()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DevBeaconChain(Genesis).SlotAt(Genesis - 1));

        Assert.Contains($"before the beacon chain's genesis at {Genesis}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Produce_TwoHeadsInOneSlot_ProducesOneBlockChainedToItsParent()
    {
        var chain = new DevBeaconChain(Genesis);

        var first = chain.Produce(Execution(3, secondsIn: 1));
        var again = chain.Produce(Execution(3, secondsIn: 7));
        var next = chain.Produce(Execution(4));

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.Equal(chain.Blocks[0].Root, first.ParentRoot);
        Assert.Equal(first.Root, next!.ParentRoot);
        Assert.Equal([0UL, 3, 4], chain.Blocks.Select(b => b.Slot));
    }

    [Fact]
    public void Produce_Block_StateRootIsTheStateHashAndRootIsTheBlockAndHeaderHash()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(0, prestake: true), Entry(1, staked: true)]);

        var block = chain.Produce(Execution(5))!;

        Assert.Equal(block.StateRoot, Types.BeaconState.HashTreeRoot(chain.StateAt(5)));
        var signed = DevBeaconChain.SignedBlock(block);
        var message = Types.SignedBeaconBlock.FieldSlice(signed, "message");
        var blockBytes = signed.AsSpan(message.Offset, message.Length);
        Assert.Equal(block.Root, Types.BeaconBlock.HashTreeRoot(blockBytes));
        Assert.Equal(block.BodyRoot, Types.BeaconBlockBody.HashTreeRoot(block.Body));
        Assert.Equal(block.Root, Types.BeaconBlockHeader.HashTreeRoot(Header(block.Slot, block.ParentRoot, block.StateRoot, block.BodyRoot)));
    }

    [Fact]
    public void StateAt_BlockSlotAndEmptySlot_HeaderStateRootZeroAfterTheBlockAndFilledInAfterIt()
    {
        var chain = new DevBeaconChain(Genesis);
        var block = chain.Produce(Execution(5))!;
        chain.Produce(Execution(9));

        var atBlock = chain.StateAt(5);
        var empty = chain.StateAt(7);

        Assert.Equal(Hash32.Zero, HeaderStateRoot(atBlock));
        Assert.Equal(block.StateRoot, HeaderStateRoot(empty));
        Assert.Equal(7UL, BitConverter.ToUInt64(Field(empty, "slot")));
        Assert.Equal(block.Root, new Hash32(Field(empty, "block_roots").AsSpan(6 * 32, 32)));
    }

    [Fact]
    public void StateAt_GapOfManyPeriods_RepeatsTheLastRootAndAddsOneHonestSummaryPerPeriod()
    {
        var chain = new DevBeaconChain(Genesis);
        var early = chain.Produce(Execution(1))!;
        var late = chain.Produce(Execution(3 * 8192 + 100))!;

        var state = chain.StateAt(late.Slot);

        var roots = Field(state, "block_roots");
        for (var slot = late.Slot - 8192; slot < late.Slot; slot++)
        {
            Assert.Equal(early.Root, new Hash32(roots.AsSpan((int)(slot % 8192) * 32, 32)));
        }

        var summaries = Field(state, "historical_summaries");
        Assert.Equal(3 * 64, summaries.Length);
        var vector = (SszVectorType)Types.BeaconState.FieldType("block_roots");
        var firstPeriod = new byte[8192 * 32];
        chain.Blocks[0].Root.Bytes.CopyTo(firstPeriod);
        for (var i = 1; i < 8192; i++)
        {
            early.Root.Bytes.CopyTo(firstPeriod.AsSpan(i * 32));
        }

        var uniform = Enumerable.Range(0, 8192).SelectMany(_ => early.Root.ToArray()).ToArray();
        Assert.Equal(vector.HashTreeRoot(firstPeriod), new Hash32(summaries.AsSpan(0, 32)));
        Assert.Equal(vector.HashTreeRoot(uniform), new Hash32(summaries.AsSpan(64, 32)));
        Assert.Equal(vector.HashTreeRoot(uniform), new Hash32(summaries.AsSpan(128, 32)));
        Assert.Equal(late.StateRoot, Types.BeaconState.HashTreeRoot(state));
    }

    [Fact]
    public void UniformVectorRoot_EqualsTheGeneralHashOfTheRepeatedRoot()
    {
        var root = new Hash32(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var vector = Enumerable.Range(0, 8192).SelectMany(_ => root.ToArray()).ToArray();

        Assert.Equal(Types.BeaconState.FieldType("block_roots").HashTreeRoot(vector), DevBeaconHistory.UniformVectorRoot(root));
    }

    [Fact]
    public void Finalized_TrailsTheHeadByTwoEpochs()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Produce(Execution(60));
        var finalized = chain.Produce(Execution(95))!;
        chain.Produce(Execution(97));
        chain.Produce(Execution(5 * 32));

        Assert.Equal(finalized, chain.Finalized);
        Assert.True(chain.IsFinalized(finalized));
        Assert.False(chain.IsFinalized(chain.Head));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("0x12")]
    [InlineData("-1")]
    public void BlockById_MalformedId_ThrowsFormatException(string id) =>
        Assert.Throws<FormatException>(() => new DevBeaconChain(Genesis).BlockById(id));

    [Fact]
    public void BlockByIdAndStateSlotById_EmptyFutureAndKnownIds_AnswerAsANodeWould()
    {
        var chain = new DevBeaconChain(Genesis);
        var block = chain.Produce(Execution(4))!;
        chain.Produce(Execution(8));

        Assert.Equal(block, chain.BlockById("4"));
        Assert.Equal(block, chain.BlockById(block.Root.ToString()));
        Assert.Null(chain.BlockById("6"));
        Assert.Null(chain.BlockById("9"));
        Assert.Equal(6UL, chain.StateSlotById("6"));
        Assert.Null(chain.StateSlotById("9"));
        Assert.Equal(4UL, chain.StateSlotById(block.StateRoot.ToString()));
        Assert.Equal(8UL, chain.StateSlotById("head"));
    }

    private static byte[] Header(ulong slot, Hash32 parent, Hash32 state, Hash32 body) =>
        Types.BeaconBlockHeader.Serialize(new Dictionary<string, byte[]>
        {
            ["slot"] = BitConverter.GetBytes(slot),
            ["proposer_index"] = new byte[8],
            ["parent_root"] = parent.ToArray(),
            ["state_root"] = state.ToArray(),
            ["body_root"] = body.ToArray(),
        });

    private static byte[] Field(byte[] state, string name)
    {
        var slice = Types.BeaconState.FieldSlice(state, name);
        return state.AsSpan(slice.Offset, slice.Length).ToArray();
    }

    private static Hash32 HeaderStateRoot(byte[] state)
    {
        var header = Field(state, "latest_block_header");
        var slice = Types.BeaconBlockHeader.FieldSlice(header, "state_root");
        return new Hash32(header.AsSpan(slice.Offset, slice.Length));
    }
}
