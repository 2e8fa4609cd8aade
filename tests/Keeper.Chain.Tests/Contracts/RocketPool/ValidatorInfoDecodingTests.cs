using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.RocketPool;

public sealed class ValidatorInfoDecodingTests
{
    private static readonly ParametersEncoder Encoder = new();

    private static ValidatorInfoV2 V2Fields() => new()
    {
        LastAssignmentTime = 1_700_000_000, LastRequestedValue = 32_000, LastRequestedBond = 4_000, DepositValue = 1_000,
        InPrestake = true, ExpressUsed = true,
        ExitBalance = 0, LockedTime = 1_700_000_123,
    };

    private static ValidatorInfoV1 V1Fields() => new()
    {
        LastAssignmentTime = 1_700_000_000, LastRequestedValue = 32_000, LastRequestedBond = 4_000, DepositValue = 1_000,
        Staked = true, Exiting = true,
        ValidatorIndex = 123_456, ExitBalance = 31_900_000_000, WithdrawableEpoch = 400_000, LockedSlot = 12_345_678,
    };

    private static byte[] Encode<T>(T output) => Encoder.EncodeParametersFromTypeAttributes(typeof(T), output);

    [Fact]
    public void MegapoolDecode_V2Record_ReadsFlagsAndLockedTime()
    {
        var info = Megapool.DecodeValidatorInfo(Encode(new ValidatorInfoV2Output { Info = V2Fields() }));

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
        var info = Megapool.DecodeValidatorInfo(Encode(new ValidatorInfoV1Output { Info = V1Fields() }));

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
        var pubkey = Enumerable.Range(0, 48).Select(i => (byte)i).ToArray();
        var megapool = Address.Parse("0x00000000000000000000000000000000000000aa");
        var data = layout == ValidatorInfoLayout.V1
            ? Encode(new ManagedValidatorV1Output { Pubkey = pubkey, Info = V1Fields(), Megapool = megapool.ToLowerHex(), ValidatorId = 7 })
            : Encode(new ManagedValidatorV2Output { Pubkey = pubkey, Info = V2Fields(), Megapool = megapool.ToLowerHex(), ValidatorId = 7 });

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
        var data = Encode(new ValidatorInfoV2Output { Info = V2Fields() });
        data[(4 * 32) + 31] = 2;

        var error = Assert.Throws<ContractDecodingException>(() => Megapool.DecodeValidatorInfo(data));
        Assert.Equal("getValidatorInfo(uint32)", error.What);
    }

    [Fact]
    public void MegapoolDecode_Uint32WithHighBitsSet_IsRejected()
    {
        var data = Encode(new ValidatorInfoV2Output { Info = V2Fields() });
        data[27] = 1;

        Assert.Throws<ContractDecodingException>(() => Megapool.DecodeValidatorInfo(data));
    }

    [Fact]
    public void ManagerDecode_EmptyAnswer_NamesTheCall()
    {
        var error = Assert.Throws<RocketPoolBindingException>(() => MegapoolManager.Decode(5, []));
        Assert.Contains("getValidatorInfo(5) returned 0 bytes", error.Message, StringComparison.Ordinal);
    }
}
