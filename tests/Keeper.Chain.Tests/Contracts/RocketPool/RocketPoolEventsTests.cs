using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.RocketPool;

public sealed class RocketPoolEventsTests
{
    private static readonly Address Emitter = Address.Parse("0x00000000000000000000000000000000000000bb");

    private static LogEntry Log(IReadOnlyList<Hash32> topics, byte[] data) => new(Emitter, topics, data, 10, Hash32.Zero, Hash32.Zero, 0, 0, false);

    [Fact]
    public void Topics_ExitedUsesUint32AndDiffersFromTheOthers()
    {
        var exited = RocketPoolEvents.MegapoolValidatorEvents[MegapoolValidatorEventKind.Exited];
        var dissolved = RocketPoolEvents.MegapoolValidatorEvents[MegapoolValidatorEventKind.Dissolved];

        Assert.Equal("MegapoolValidatorExited(uint32,uint256)", exited.Signature);
        Assert.Equal("MegapoolValidatorDissolved(uint256,uint256)", dissolved.Signature);
        Assert.StartsWith("0xbf4adfbf", exited.Topic0.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("0x7ff16245", dissolved.Topic0.ToString(), StringComparison.Ordinal);
        Assert.Equal(RocketPoolEvents.AllTopics.Count, RocketPoolEvents.AllTopics.Distinct().Count());
        Assert.Equal(9 + 6 + 1, RocketPoolEvents.AllTopics.Count);
    }

    [Fact]
    public void TryDecode_Assigned_GivesTypedValidatorEvent()
    {
        var abi = RocketPoolEvents.MegapoolValidatorEvents[MegapoolValidatorEventKind.Assigned];
        var log = Log([abi.Topic0, abi.EncodeTopic(0, new BigInteger(3))], AbiEncoder.Encode([AbiType.UInt256], [new BigInteger(1_700_000_000)]));

        var decoded = Assert.IsType<MegapoolValidatorLog>(RocketPoolEvents.TryDecode(log));

        Assert.Equal(MegapoolValidatorEventKind.Assigned, decoded.Kind);
        Assert.Equal(3u, decoded.ValidatorId);
        Assert.Equal(1_700_000_000UL, decoded.Time);
        Assert.Equal(Emitter, decoded.Megapool);
    }

    [Fact]
    public void TryDecode_StatusUpdated_GivesMinipoolStatus()
    {
        var abi = RocketPoolEvents.StatusUpdated;
        var log = Log([abi.Topic0, abi.EncodeTopic(0, new BigInteger((int)MinipoolStatus.Prelaunch))], AbiEncoder.Encode([AbiType.UInt256], [new BigInteger(99)]));

        var decoded = Assert.IsType<MinipoolStatusUpdatedLog>(RocketPoolEvents.TryDecode(log));

        Assert.Equal(MinipoolStatus.Prelaunch, decoded.Status);
        Assert.Equal(99UL, decoded.Time);
    }

    [Fact]
    public void TryDecode_ProposalExecuted_GivesProposalIdAndTime()
    {
        var abi = RocketPoolEvents.ProposalExecuted;
        var executor = new Keeper.Chain.Primitives.Address(Enumerable.Repeat((byte)0x42, 20).ToArray());
        var log = Log([abi.Topic0, abi.EncodeTopic(0, new BigInteger(17)), abi.EncodeTopic(1, executor)], AbiEncoder.Encode([AbiType.UInt256], [new BigInteger(1_700_000_123)]));

        var decoded = Assert.IsType<ProposalExecutedLog>(RocketPoolEvents.TryDecode(log));

        Assert.Equal("ProposalExecuted(uint256,address,uint256)", abi.Signature);
        Assert.Equal(17UL, decoded.ProposalId);
        Assert.Equal(1_700_000_123UL, decoded.Time);
        Assert.Equal(Emitter, decoded.Emitter);
    }

    [Fact]
    public void TryDecode_KnownTopicWithForeignShape_ReturnsNull()
    {
        // Another contract's StatusUpdated(uint8 indexed, uint256) with an out-of-range status, and one with no data.
        var abi = RocketPoolEvents.StatusUpdated;
        var badStatus = Log([abi.Topic0, abi.EncodeTopic(0, new BigInteger(9))], AbiEncoder.Encode([AbiType.UInt256], [BigInteger.One]));
        var noData = Log([abi.Topic0, abi.EncodeTopic(0, BigInteger.One)], []);

        Assert.Null(RocketPoolEvents.TryDecode(badStatus));
        Assert.Null(RocketPoolEvents.TryDecode(noData));
    }

    [Fact]
    public void TryDecode_UnknownTopic_ReturnsNull() =>
        Assert.Null(RocketPoolEvents.TryDecode(Log([Hash32.Zero], [])));

    [Fact]
    public void StorageKey_IsKeccakOfPackedNameAsRocketStorageComputesIt() =>
        // keccak256(abi.encodePacked("contract.address", "rocketNodeManager")) as solc computes it (see Abi/SolcVectorsTests).
        Assert.Equal(
            Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("contract.addressrocketMegapoolManager")),
            RocketPoolContractNames.StorageKey(RocketPoolContractNames.MegapoolManager).ToArray());
}
