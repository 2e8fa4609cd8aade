using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.RocketPool;

public sealed class ValidatorInfoDecodingTests
{
    private static readonly object?[] V2Fields =
    [
        new BigInteger(1_700_000_000), new BigInteger(32_000), new BigInteger(4_000), new BigInteger(1_000),
        false, false, false, true, true, false, false, false,
        new BigInteger(0), new BigInteger(1_700_000_123),
    ];

    private static readonly object?[] V1Fields =
    [
        new BigInteger(1_700_000_000), new BigInteger(32_000), new BigInteger(4_000), new BigInteger(1_000),
        true, false, false, false, false, false, true, false,
        new BigInteger(123_456), new BigInteger(31_900_000_000), new BigInteger(400_000), new BigInteger(12_345_678),
    ];

    [Fact]
    public void MegapoolDecode_V2Record_ReadsFlagsAndLockedTime()
    {
        var info = Megapool.DecodeValidatorInfo(AbiEncoder.Encode([ValidatorInfo.V2Type], [V2Fields]));

        Assert.Equal(ValidatorInfoLayout.V2, info.Layout);
        Assert.Equal(1_700_000_000u, info.LastAssignmentTime);
        Assert.True(info.InPrestake);
        Assert.True(info.ExpressUsed);
        Assert.False(info.Staked);
        Assert.Equal(1_700_000_123UL, info.LockedTime);
        Assert.Null(info.WithdrawableEpoch);
    }

    [Fact]
    public void MegapoolDecode_V1Record_ReadsItsExtraFields()
    {
        var info = Megapool.DecodeValidatorInfo(AbiEncoder.Encode([ValidatorInfo.V1Type], [V1Fields]));

        Assert.Equal(ValidatorInfoLayout.V1, info.Layout);
        Assert.True(info.Staked);
        Assert.True(info.Exiting);
        Assert.Equal(123_456UL, info.ValidatorIndex);
        Assert.Equal(31_900_000_000UL, info.ExitBalance);
        Assert.Equal(400_000UL, info.WithdrawableEpoch);
        Assert.Equal(12_345_678UL, info.LockedSlot);
        Assert.Null(info.LockedTime);
    }

    [Theory]
    [InlineData(ValidatorInfoLayout.V1)]
    [InlineData(ValidatorInfoLayout.V2)]
    public void ManagerDecode_EitherLayout_ToldApartByThePubkeyOffset(ValidatorInfoLayout layout)
    {
        var (type, fields) = layout == ValidatorInfoLayout.V1 ? (ValidatorInfo.V1Type, V1Fields) : (ValidatorInfo.V2Type, V2Fields);
        var pubkey = Enumerable.Range(0, 48).Select(i => (byte)i).ToArray();
        var megapool = Address.Parse("0x00000000000000000000000000000000000000aa");
        var data = AbiEncoder.Encode([AbiType.Bytes, type, AbiType.Address, AbiType.UInt(32)], [pubkey, fields, megapool, 7u]);

        var entry = MegapoolManager.Decode(41, data);

        Assert.Equal(layout, entry.Info.Layout);
        Assert.Equal(41UL, entry.Index);
        Assert.Equal(pubkey, entry.Pubkey);
        Assert.Equal(megapool, entry.Megapool);
        Assert.Equal(7u, entry.ValidatorId);
        Assert.Equal(1_700_000_000u, entry.Info.LastAssignmentTime);
    }

    [Fact]
    public void MegapoolDecode_DirtyBoolean_IsRejected()
    {
        var data = AbiEncoder.Encode([ValidatorInfo.V2Type], [V2Fields]);
        data[(4 * 32) + 31] = 2;

        Assert.Throws<AbiDecodingException>(() => Megapool.DecodeValidatorInfo(data));
    }
}
