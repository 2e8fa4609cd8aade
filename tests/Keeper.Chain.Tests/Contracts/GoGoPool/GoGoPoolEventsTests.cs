using System.Numerics;
using System.Text;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.Events;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.GoGoPool;

public sealed class GoGoPoolEventsTests
{
    private static readonly Address Emitter = Address.Parse("0x00000000000000000000000000000000000000cc");
    private static readonly Address Node = Address.Parse("0x1111111111111111111111111111111111111111");

    private static LogEntry Log(IReadOnlyList<Hash32> topics, byte[] data) => new(Emitter, topics, data, 12, Hash32.Zero, Hash32.Zero, 0, 0, false);

    private static byte[] Word(BigInteger value) => new ABIEncode().GetABIEncoded(new ABIValue("uint256", value));

    private static Hash32 Keccak(string signature) => new(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(signature)));

    private static Hash32 NodeTopic => new([.. new byte[12], .. Node.Bytes.ToArray()]);

    [Fact]
    public void Topics_AreTheSignaturesWithTheEnumAsUint8()
    {
        Assert.Equal(Keccak("MinipoolStatusChanged(address,uint8)"), GoGoPoolEvents.MinipoolStatusChangedTopic);
        Assert.Equal(Keccak("NewRewardsCycleStarted(uint256)"), GoGoPoolEvents.RewardsCycleStartedTopic);
        Assert.Equal(2, GoGoPoolEvents.AllTopics.Count);
    }

    [Theory]
    [InlineData(GoGoMinipoolStatus.Prelaunch)]
    [InlineData(GoGoMinipoolStatus.Withdrawable)]
    [InlineData(GoGoMinipoolStatus.Error)]
    public void TryDecode_StatusChanged_GivesNodeAndStatusFromTheTopics(GoGoMinipoolStatus status)
    {
        var log = Log([GoGoPoolEvents.MinipoolStatusChangedTopic, NodeTopic, new Hash32(Word((int)status))], []);

        var decoded = Assert.IsType<MinipoolStatusChangedLog>(GoGoPoolEvents.TryDecode(log));

        Assert.Equal(Node, decoded.NodeId);
        Assert.Equal(status, decoded.Status);
        Assert.Equal(Emitter, decoded.Emitter);
        Assert.Equal(12UL, decoded.BlockNumber);
    }

    [Fact]
    public void TryDecode_RewardsCycleStarted_GivesTheTotal()
    {
        var log = Log([GoGoPoolEvents.RewardsCycleStartedTopic], Word(BigInteger.Parse("123000000000000000000")));

        var decoded = Assert.IsType<RewardsCycleStartedLog>(GoGoPoolEvents.TryDecode(log));

        Assert.Equal(BigInteger.Parse("123000000000000000000"), decoded.TotalRewardsAmt);
    }

    [Fact]
    public void TryDecode_StatusGoGoPoolDoesNotDefine_ReturnsNull() =>
        Assert.Null(GoGoPoolEvents.TryDecode(Log([GoGoPoolEvents.MinipoolStatusChangedTopic, NodeTopic, new Hash32(Word(7))], [])));

    [Fact]
    public void TryDecode_ForeignShapes_ReturnNull()
    {
        // The status topic with a high byte set (not a uint8), an address topic with dirty high bytes, data where none belongs, a missing topic.
        var wideStatus = Word(1);
        wideStatus[0] = 1;
        var dirtyNode = NodeTopic.ToArray();
        dirtyNode[0] = 0xff;

        Assert.Null(GoGoPoolEvents.TryDecode(Log([GoGoPoolEvents.MinipoolStatusChangedTopic, NodeTopic, new Hash32(wideStatus)], [])));
        Assert.Null(GoGoPoolEvents.TryDecode(Log([GoGoPoolEvents.MinipoolStatusChangedTopic, new Hash32(dirtyNode), new Hash32(Word(1))], [])));
        Assert.Null(GoGoPoolEvents.TryDecode(Log([GoGoPoolEvents.MinipoolStatusChangedTopic, NodeTopic, new Hash32(Word(1))], Word(5))));
        Assert.Null(GoGoPoolEvents.TryDecode(Log([GoGoPoolEvents.MinipoolStatusChangedTopic, NodeTopic], [])));
        Assert.Null(GoGoPoolEvents.TryDecode(Log([GoGoPoolEvents.RewardsCycleStartedTopic], [])));
    }

    [Fact]
    public void TryDecode_UnknownTopic_ReturnsNull() =>
        Assert.Null(GoGoPoolEvents.TryDecode(Log([Hash32.Zero], [])));
}
