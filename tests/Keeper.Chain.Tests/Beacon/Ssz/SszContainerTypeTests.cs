using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;
using Xunit;

namespace Keeper.Chain.Tests.Beacon.Ssz;

public sealed class SszContainerTypeTests
{
    private static readonly BeaconTypes Electra = BeaconTypes.For(BeaconFork.Electra);

    [Fact]
    public void Serialize_GivenFields_LandWhereFieldSliceSaysAndOthersDefault()
    {
        var slot = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(slot, 123456);
        var extra = new byte[] { 1, 2, 3 };
        var payload = Electra.ExecutionPayload.Serialize(new Dictionary<string, byte[]> { ["timestamp"] = slot, ["extra_data"] = extra });

        Assert.Equal(slot, Electra.ExecutionPayload.FieldSlice(payload, "timestamp").In(payload).ToArray());
        Assert.Equal(extra, Electra.ExecutionPayload.FieldSlice(payload, "extra_data").In(payload).ToArray());
        Assert.Equal(0, Electra.ExecutionPayload.FieldSlice(payload, "withdrawals").Length);
        Assert.Equal(new byte[32], Electra.ExecutionPayload.FieldSlice(payload, "block_hash").In(payload).ToArray());
        Electra.ExecutionPayload.Validate(payload);
    }

    [Fact]
    public void Serialize_UnknownField_ThrowsNamingItAndTheFields()
    {
        var e = Assert.Throws<SszException>(() => Electra.Withdrawal.Serialize(new Dictionary<string, byte[]> { ["amount_gwei"] = new byte[8] }));
        Assert.Contains("'amount_gwei'", e.Message, StringComparison.Ordinal);
        Assert.Contains("validator_index", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_FieldOfWrongLength_ThrowsWithItsPath()
    {
        var e = Assert.Throws<SszException>(() => Electra.Withdrawal.Serialize(new Dictionary<string, byte[]> { ["address"] = new byte[32] }));
        Assert.Equal("Withdrawal.address", e.Path);
        Assert.Contains("20 bytes; got 32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadBooleanDeepInAState_NamesTheFieldPath()
    {
        var validators = Enumerable.Range(0, 20).Select(_ => Electra.Validator.DefaultValue()).ToArray();
        var list = (SszListType)Electra.BeaconState.FieldType("validators");
        var state = Electra.BeaconState.Serialize(new Dictionary<string, byte[]> { ["validators"] = list.Serialize(validators) });
        var at = Electra.BeaconState.FieldSlice(state, "validators").Offset + (17 * Electra.Validator.FixedSize)
            + Electra.Validator.FieldSlice(validators[17], "slashed").Offset;
        state[at] = 2;

        var e = Assert.Throws<SszException>(() => Electra.BeaconState.Validate(state));

        Assert.Equal("BeaconState.validators[17].slashed", e.Path);
        Assert.Contains("0x00 or 0x01; got 0x02", e.Message, StringComparison.Ordinal);
        validators[17][Electra.Validator.FieldSlice(validators[17], "slashed").Offset] = 2;
        var serializeError = Assert.Throws<SszException>(() => list.Serialize(validators));
        Assert.Equal($"{list.Name}[17].slashed", serializeError.Path);
        Assert.Equal(20, list.Count(Electra.BeaconState.FieldSlice(state, "validators").In(state)));
    }

    [Fact]
    public void Validate_FirstOffsetNotAtTheFixedPart_Throws()
    {
        var payload = Electra.ExecutionPayload.DefaultValue();
        var at = Electra.ExecutionPayload.FieldSlice(payload, "extra_data");
        Assert.Equal(payload.Length, at.Offset);
        var position = Array.IndexOf(Electra.ExecutionPayload.Fields.Select(f => f.Name).ToArray(), "extra_data");
        Assert.True(position > 0);
        var fixedPosition = 32 + 20 + 32 + 32 + 256 + 32 + 8 + 8 + 8 + 8;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(fixedPosition), 7);

        var e = Assert.Throws<SszException>(() => Electra.ExecutionPayload.Validate(payload));

        Assert.Equal("ExecutionPayload.extra_data", e.Path);
    }

    [Fact]
    public void Layouts_FieldCountsAndPositions_MatchTheVerifiersGeneralizedIndices()
    {
        var fulu = BeaconTypes.For(BeaconFork.Fulu);
        Assert.Equal(37, Electra.BeaconState.Fields.Count);
        Assert.Equal(38, fulu.BeaconState.Fields.Count);
        Assert.Equal(6, Electra.BeaconState.Depth);
        Assert.Equal(2, Electra.BeaconState.IndexOf("slot"));
        Assert.Equal(5, Electra.BeaconState.IndexOf("block_roots"));
        Assert.Equal(11, Electra.BeaconState.IndexOf("validators"));
        Assert.Equal(27, Electra.BeaconState.IndexOf("historical_summaries"));
        Assert.Equal(3, Electra.BeaconBlockHeader.IndexOf("state_root"));
        Assert.Equal(4, Electra.BeaconBlockHeader.IndexOf("body_root"));
        Assert.Equal(13, Electra.BeaconBlockBody.Fields.Count);
        Assert.Equal(9, Electra.BeaconBlockBody.IndexOf("execution_payload"));
        Assert.Equal(17, Electra.ExecutionPayload.Fields.Count);
        Assert.Equal(14, Electra.ExecutionPayload.IndexOf("withdrawals"));
        Assert.Equal(121, Electra.Validator.FixedSize);
        Assert.Equal(44, Electra.Withdrawal.FixedSize);
    }
}
