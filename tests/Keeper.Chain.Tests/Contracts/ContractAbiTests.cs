using System.Numerics;
using Keeper.Chain.Calls.Multicall3Definition;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI;
using Nethereum.Contracts;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Contracts;

public sealed class ContractAbiTests
{
    private static byte[] Word(BigInteger value) => new ABIEncode().GetABIEncoded(new ABIValue("uint256", value));

    [Fact]
    public void Call_DtoWithArgument_IsSelectorThenArgument()
    {
        var call = ContractAbi.Call(Address.Zero, new DissolveValidatorFunction { ValidatorId = 7 });

        var selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("dissolveValidator(uint32)"))[..4];
        Assert.Equal(Hex.Encode([.. selector, .. Word(7)]), Hex.Encode(call.Data));
        Assert.Equal(selector, ContractAbi.Selector<DissolveValidatorFunction>());
        Assert.Equal(36, call.Data.Length);
    }

    [Fact]
    public void Call_ArrayOfTuplesAndNoArguments_AreTheBytesNethereumsGetCallDataGives()
    {
        var aggregate = new Aggregate3Function
        {
            Calls = [.. Enumerable.Range(0, 3).Select(i => new Call3 { Target = "0x00000000000000000000000000000000000000a" + i, AllowFailure = i % 2 == 0, CallData = new byte[36 + i] })],
        };
        var empty = new Aggregate3Function();
        var count = new GetValidatorCountFunction();

        Assert.Equal(Hex.Encode(aggregate.GetCallData()), Hex.Encode(ContractAbi.Call(Address.Zero, aggregate).Data));
        Assert.Equal(Hex.Encode(empty.GetCallData()), Hex.Encode(ContractAbi.Call(Address.Zero, empty).Data));
        Assert.Equal(Hex.Encode(count.GetCallData()), Hex.Encode(ContractAbi.Call<GetValidatorCountFunction>(Address.Zero).Data));
    }

    [Fact]
    public void DecodeReturn_CanonicalWord_IsTheValue() =>
        Assert.Equal(new BigInteger(12345), ContractAbi.DecodeReturn<GetDebtFunction, BigInteger>(Word(12345)));

    [Fact]
    public void DecodeReturn_EmptyAnswer_NamesTheFunctionInsteadOfReadingZero()
    {
        // Nethereum alone reads an empty answer (a call to an address without code) as zero.
        var error = Assert.Throws<ContractDecodingException>(() => ContractAbi.DecodeReturn<GetDebtFunction, BigInteger>([]));

        Assert.Equal("getDebt()", error.What);
        Assert.Contains("getDebt() returned 0 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeReturn_AddressWithDirtyHighBytes_IsRejected()
    {
        var data = Word(0xaa);
        data[0] = 0xff;

        var error = Assert.Throws<ContractDecodingException>(() => ContractAbi.DecodeReturn<GetNodeAddressFunction, string>(data));
        Assert.Contains("out of range for its type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeReturn_Uint32OutOfRange_IsRejected() =>
        Assert.Throws<ContractDecodingException>(() => ContractAbi.DecodeReturn<GetValidatorCountFunction, uint>(Word(uint.MaxValue + 1L)));

    [Fact]
    public void DecodeEvent_MissingIndexedTopic_SaysWhatWasExpected()
    {
        var log = new LogEntry(Address.Zero, [ContractAbi.Topic<MegapoolValidatorAssignedEvent>()], Word(1), 1, Hash32.Zero, Hash32.Zero, 0, 0, false);

        var error = Assert.Throws<ContractDecodingException>(() => ContractAbi.DecodeEvent<MegapoolValidatorAssignedEvent>(log));

        Assert.Contains("MegapoolValidatorAssigned(uint256,uint256)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the log has 1 topics", error.Message, StringComparison.Ordinal);
    }
}
