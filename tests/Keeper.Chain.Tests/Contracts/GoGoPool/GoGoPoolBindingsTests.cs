using System.Numerics;
using System.Text;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.GoGoPool;

public sealed class GoGoPoolBindingsTests
{
    private static readonly ParametersEncoder Encoder = new();

    private static byte[] Selector(string signature) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(signature))[..4];

    private static MinipoolStruct Record(long index, byte status) => new()
    {
        Index = index, NodeId = "0x1111111111111111111111111111111111111111", Status = status, Duration = 14 * 86_400,
        Owner = "0x2222222222222222222222222222222222222222", MultisigAddr = "0x3333333333333333333333333333333333333333",
        AvaxNodeOpAmt = BigInteger.Parse("1000000000000000000000"), AvaxNodeOpInitialAmt = 1, AvaxLiquidStakerAmt = BigInteger.Parse("1000000000000000000000"),
        BlsPubkeyAndSig = [.. Enumerable.Range(0, 144).Select(i => (byte)i)], TxId = new byte[32],
        CreationTime = 1_700_000_000, InitialStartTime = 1_700_000_100, StartTime = 1_700_000_200, EndTime = 1_700_000_300,
        ErrorCode = [.. "EC1"u8.ToArray(), .. new byte[29]], HardwareProvider = new byte[32],
    };

    private static byte[] Encode(MinipoolStruct record) => Encoder.EncodeParametersFromTypeAttributes(typeof(MinipoolOutput), new MinipoolOutput { Minipool = record });

    [Fact]
    public void Selectors_AreTheProtocolsSignatures()
    {
        Assert.Equal(Selector("startRewardsCycle()"), RewardsPool.StartRewardsCycleSelector);
        Assert.Equal(Selector("canStartRewardsCycle()"), ContractAbi.Selector<CanStartRewardsCycleFunction>());
        Assert.Equal(Selector("getMinipool(int256)"), ContractAbi.Selector<GetMinipoolFunction>());
        Assert.Equal(Selector("getMinipoolByNodeID(address)"), ContractAbi.Selector<GetMinipoolByNodeIdFunction>());
        Assert.Equal(Selector("getMinipools(uint8,uint256,uint256)"), ContractAbi.Selector<GetMinipoolsFunction>());
        Assert.Equal(Selector("getIndexOf(address)"), ContractAbi.Selector<GetIndexOfFunction>());
        Assert.Equal(Selector("withdrawMinipoolFunds(address)"), GoGoMinipoolManager.WithdrawMinipoolFunds(Address.Zero, Address.Zero).Selector.ToArray());
    }

    [Fact]
    public void StorageKey_IsKeccakOfThePackedNames() =>
        Assert.Equal(
            Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("contract.addressRewardsPool")),
            GoGoPoolContractNames.StorageKey(GoGoPoolContractNames.RewardsPool).ToArray());

    [Fact]
    public void GetMinipoolCall_NegativeIndex_IsTwosComplement()
    {
        var call = new GoGoMinipoolManager(null!, null!, Address.Zero).GetMinipoolCall(-1);

        Assert.Equal(36, call.Data.Length);
        Assert.All(call.Data[4..], b => Assert.Equal(0xff, b));
    }

    [Fact]
    public void DecodeMinipool_FullRecord_ReadsEveryFieldTheKeeperUses()
    {
        var minipool = GoGoMinipoolManager.DecodeMinipool(Encode(Record(3, (byte)GoGoMinipoolStatus.Staking)));

        Assert.Equal(3, minipool.Index);
        Assert.Equal(Address.Parse("0x1111111111111111111111111111111111111111"), minipool.NodeId);
        Assert.Equal(Address.Parse("0x2222222222222222222222222222222222222222"), minipool.Owner);
        Assert.Equal(Address.Parse("0x3333333333333333333333333333333333333333"), minipool.Multisig);
        Assert.Equal(GoGoMinipoolStatus.Staking, minipool.Status);
        Assert.Equal(14UL * 86_400, minipool.Duration);
        Assert.Equal((1_700_000_000UL, 1_700_000_100UL, 1_700_000_200UL, 1_700_000_300UL), (minipool.CreationTime, minipool.InitialStartTime, minipool.StartTime, minipool.EndTime));
        Assert.Equal(1_700_000_100UL + (14 * 86_400), minipool.PlannedEndTime);
        Assert.Equal(BigInteger.Parse("1000000000000000000000"), minipool.AvaxLiquidStakerAmt);
        Assert.Equal("EC1", Encoding.ASCII.GetString(minipool.ErrorCode.Bytes[..3]));
    }

    [Fact]
    public void DecodeMinipool_StatusGoGoPoolDoesNotDefine_NamesTheMinipool()
    {
        var error = Assert.Throws<GoGoPoolBindingException>(() => GoGoMinipoolManager.DecodeMinipool(Encode(Record(4, 7))));

        Assert.Contains("status 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("0x1111111111111111111111111111111111111111", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DecodeMinipool_TimeBeyond64Bits_IsRejected()
    {
        var data = Encode(Record(0, 0));
        // The struct is dynamic: one offset word, then its head; endTime is field 16.
        data[32 + (15 * 32) + 7] = 1;

        Assert.Throws<ContractDecodingException>(() => GoGoMinipoolManager.DecodeMinipool(data));
    }

    [Fact]
    public void DecodeMinipool_TruncatedOrEmpty_IsRejected()
    {
        var data = Encode(Record(0, 0));

        Assert.Throws<ContractDecodingException>(() => GoGoMinipoolManager.DecodeMinipool(data[..^32]));
        Assert.Throws<ContractDecodingException>(() => GoGoMinipoolManager.DecodeMinipool([]));
    }

    [Fact]
    public void DecodeMinipools_ArrayOfDynamicStructs_KeepsOrderAndFields()
    {
        var data = Encoder.EncodeParametersFromTypeAttributes(typeof(MinipoolsOutput), new MinipoolsOutput { Minipools = [Record(1, 3), Record(5, 3)] });

        var minipools = GoGoMinipoolManager.DecodeMinipools(data);

        Assert.Equal([1L, 5L], minipools.Select(m => m.Index));
        Assert.All(minipools, m => Assert.Equal(GoGoMinipoolStatus.Withdrawable, m.Status));
        Assert.All(minipools, m => Assert.Equal(1_700_000_300UL, m.EndTime));
        Assert.Empty(GoGoMinipoolManager.DecodeMinipools(Encoder.EncodeParametersFromTypeAttributes(typeof(MinipoolsOutput), new MinipoolsOutput())));
    }

    [Fact]
    public void DecodeMinipools_StatusBeyondAByte_IsRejected()
    {
        var data = Encoder.EncodeParametersFromTypeAttributes(typeof(MinipoolsOutput), new MinipoolsOutput { Minipools = [Record(1, 3)] });
        // Offset word, length word, the element's offset word, then the struct head: status is field 3.
        data[(3 * 32) + (2 * 32) + 30] = 1;

        Assert.Throws<ContractDecodingException>(() => GoGoMinipoolManager.DecodeMinipools(data));
    }

    [Fact]
    public void DecodeMinipools_AddressWithDirtyHighBytes_IsRejected()
    {
        var data = Encoder.EncodeParametersFromTypeAttributes(typeof(MinipoolsOutput), new MinipoolsOutput { Minipools = [Record(1, 3)] });
        // The owner (field 6) of the only element, in one of the 12 bytes an address leaves zero.
        data[(3 * 32) + (5 * 32) + 2] = 0xff;

        Assert.Throws<ContractDecodingException>(() => GoGoMinipoolManager.DecodeMinipools(data));
    }

    [Fact]
    public void IsUnableToStart_RecognisesOnlyThatError()
    {
        Assert.True(RewardsPool.IsUnableToStart(Selector("UnableToStartRewardsCycle()")));
        Assert.False(RewardsPool.IsUnableToStart(Selector("ContractPaused()")));
        Assert.False(RewardsPool.IsUnableToStart([]));
    }

    [Fact]
    public void NextStartTime_IsTheLaterOfCycleAndInflationInterval()
    {
        var settings = new GoGoPoolSettings(28 * 86_400, 86_400, 14 * 86_400, 86_400, 365 * 86_400, 5 * 86_400);

        Assert.Equal(1_000UL + (28 * 86_400), new RewardsCycle(1_000, 2, 1_000, false).NextStartTime(settings));
        Assert.Equal(9_000_000UL + 86_400, new RewardsCycle(1_000, 2, 9_000_000, false).NextStartTime(settings));
    }
}
