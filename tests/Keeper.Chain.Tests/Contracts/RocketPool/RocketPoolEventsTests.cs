using System.Numerics;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.RocketPool;

public sealed class RocketPoolEventsTests
{
    private static readonly Address Emitter = Address.Parse("0x00000000000000000000000000000000000000bb");

    private static LogEntry Log(IReadOnlyList<Hash32> topics, byte[] data) => new(Emitter, topics, data, 10, Hash32.Zero, Hash32.Zero, 0, 0, false);

    private static byte[] Word(BigInteger value) => new ABIEncode().GetABIEncoded(new ABIValue("uint256", value));

    private static Hash32 Topic0(MegapoolValidatorEventKind kind) => new(RocketPoolEvents.MegapoolValidatorEvents[kind].Sha3Signature.HexToByteArray());

    private static Hash32 StatusUpdatedTopic => new(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("StatusUpdated(uint8,uint256)")));

    [Fact]
    public void Topics_ExitedUsesUint32AndDiffersFromTheOthers()
    {
        var exited = RocketPoolEvents.MegapoolValidatorEvents[MegapoolValidatorEventKind.Exited];
        var dissolved = RocketPoolEvents.MegapoolValidatorEvents[MegapoolValidatorEventKind.Dissolved];

        Assert.Equal("MegapoolValidatorExited(uint32,uint256)", exited.Signature);
        Assert.Equal("MegapoolValidatorDissolved(uint256,uint256)", dissolved.Signature);
        Assert.StartsWith("0xbf4adfbf", Topic0(MegapoolValidatorEventKind.Exited).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("0x7ff16245", Topic0(MegapoolValidatorEventKind.Dissolved).ToString(), StringComparison.Ordinal);
        Assert.Equal(RocketPoolEvents.AllTopics.Count, RocketPoolEvents.AllTopics.Distinct().Count());
        Assert.Equal(9 + 6 + 1, RocketPoolEvents.AllTopics.Count);
    }

    [Fact]
    public void TryDecode_Assigned_GivesTypedValidatorEvent()
    {
        var log = Log([Topic0(MegapoolValidatorEventKind.Assigned), new Hash32(Word(3))], Word(1_700_000_000));

        var decoded = Assert.IsType<MegapoolValidatorLog>(RocketPoolEvents.TryDecode(log));

        Assert.Equal(MegapoolValidatorEventKind.Assigned, decoded.Kind);
        Assert.Equal(3u, decoded.ValidatorId);
        Assert.Equal(1_700_000_000UL, decoded.Time);
        Assert.Equal(Emitter, decoded.Megapool);
    }

    [Fact]
    public void TryDecode_StatusUpdated_GivesMinipoolStatus()
    {
        var log = Log([StatusUpdatedTopic, new Hash32(Word((int)MinipoolStatus.Prelaunch))], Word(99));

        var decoded = Assert.IsType<MinipoolStatusUpdatedLog>(RocketPoolEvents.TryDecode(log));

        Assert.Equal(MinipoolStatus.Prelaunch, decoded.Status);
        Assert.Equal(99UL, decoded.Time);
    }

    [Fact]
    public void TryDecode_ProposalExecuted_GivesProposalIdAndTime()
    {
        var topic = new Hash32(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("ProposalExecuted(uint256,address,uint256)")));
        var executor = new byte[32];
        executor.AsSpan(12).Fill(0x42);
        var log = Log([topic, new Hash32(Word(17)), new Hash32(executor)], Word(1_700_000_123));

        var decoded = Assert.IsType<ProposalExecutedLog>(RocketPoolEvents.TryDecode(log));

        Assert.Contains(topic, RocketPoolEvents.AllTopics);
        Assert.Equal(17UL, decoded.ProposalId);
        Assert.Equal(1_700_000_123UL, decoded.Time);
        Assert.Equal(Emitter, decoded.Emitter);
    }

    [Fact]
    public void TryDecode_KnownTopicWithForeignShape_ReturnsNull()
    {
        // Another contract's StatusUpdated(uint8 indexed, uint256) with an out-of-range status, and one with no data.
        var badStatus = Log([StatusUpdatedTopic, new Hash32(Word(9))], Word(BigInteger.One));
        var noData = Log([StatusUpdatedTopic, new Hash32(Word(BigInteger.One))], []);

        Assert.Null(RocketPoolEvents.TryDecode(badStatus));
        Assert.Null(RocketPoolEvents.TryDecode(noData));
    }

    [Fact]
    public void TryDecode_IndexedValueOutOfItsTypesRange_ReturnsNull()
    {
        // uint8 indexed status with a high byte set: not what Solidity emits, so not a Rocket Pool minipool's event.
        var topic = Word(1);
        topic[0] = 1;

        Assert.Null(RocketPoolEvents.TryDecode(Log([StatusUpdatedTopic, new Hash32(topic)], Word(99))));
    }

    [Fact]
    public void TryDecode_UnknownTopic_ReturnsNull() =>
        Assert.Null(RocketPoolEvents.TryDecode(Log([Hash32.Zero], [])));

    [Fact]
    public void StorageKey_IsKeccakOfPackedNameAsRocketStorageComputesIt() =>
        // keccak256(abi.encodePacked("contract.address", "rocketMegapoolManager")): packed strings are their bytes.
        Assert.Equal(
            Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("contract.addressrocketMegapoolManager")),
            RocketPoolContractNames.StorageKey(RocketPoolContractNames.MegapoolManager).ToArray());
}
