using Keeper.Actors.Membership;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Actors.Tests.Membership;

public sealed class MembershipViewTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static MemberRow Row(string id, string address, TimeSpan beatAgo, MemberStatus status = MemberStatus.Active) =>
        new(id, Address.Parse(address), "host", Now - TimeSpan.FromHours(1), status, Now - beatAgo, 3);

    private static string[] Ids(IEnumerable<MemberRow> rows) => rows.Select(r => r.MemberId).ToArray();

    [Fact]
    public void LiveMembers_ActiveAndFresh_OrderedBySigningAddressBytes()
    {
        // Mixed-case input must not change the order: it is by the 20 bytes, i.e. by lowercase hex. The two checksummed
        // addresses are test cases of EIP-55 (ethereum/EIPs EIPS/eip-55.md).
        var rows = new[]
        {
            Row("z", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", TimeSpan.FromSeconds(1)),
            Row("y", "0x0000000000000000000000000000000000000002", TimeSpan.FromSeconds(2)),
            Row("x", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", TimeSpan.FromSeconds(3)),
            Row("w", "0x0000000000000000000000000000000000000001", TimeSpan.Zero),
        };

        Assert.Equal(["w", "y", "x", "z"], Ids(MembershipView.LiveMembers(rows, Now, Timeout)));
    }

    [Fact]
    public void LiveMembers_HeartbeatAtExactlyTheTimeout_IsLiveAndOneTickOlderIsNot()
    {
        var rows = new[]
        {
            Row("edge", "0x0000000000000000000000000000000000000001", Timeout),
            Row("late", "0x0000000000000000000000000000000000000002", Timeout + TimeSpan.FromTicks(1)),
            Row("ahead", "0x0000000000000000000000000000000000000003", -TimeSpan.FromSeconds(5)),
        };

        Assert.Equal(["edge", "ahead"], Ids(MembershipView.LiveMembers(rows, Now, Timeout)));
    }

    [Theory]
    [InlineData(MemberStatus.Joining)]
    [InlineData(MemberStatus.ShuttingDown)]
    [InlineData(MemberStatus.Dead)]
    public void LiveMembers_NotActive_IsExcludedHoweverFresh(MemberStatus status)
    {
        var rows = new[]
        {
            Row("a", "0x0000000000000000000000000000000000000001", TimeSpan.Zero, status),
            Row("b", "0x0000000000000000000000000000000000000002", TimeSpan.FromSeconds(10)),
        };

        Assert.Equal(["b"], Ids(MembershipView.LiveMembers(rows, Now, Timeout)));
    }

    [Fact]
    public void LiveMembers_OneAddressUnderTwoMemberIds_CountsItOnceWithTheLatestHeartbeat()
    {
        var rows = new[]
        {
            Row("old-run", "0x0000000000000000000000000000000000000001", TimeSpan.FromSeconds(20)),
            Row("new-run", "0x0000000000000000000000000000000000000001", TimeSpan.FromSeconds(2)),
            Row("other", "0x0000000000000000000000000000000000000002", TimeSpan.FromSeconds(5)),
        };

        Assert.Equal(["new-run", "other"], Ids(MembershipView.LiveMembers(rows, Now, Timeout)));
    }

    [Fact]
    public void LiveMembers_NoRowsOrNegativeTimeout_EmptyOrThrows()
    {
        Assert.Empty(MembershipView.LiveMembers([], Now, Timeout));
        Assert.Throws<ArgumentNullException>(() => MembershipView.LiveMembers(null!, Now, Timeout));
        Assert.Throws<ArgumentOutOfRangeException>(() => MembershipView.LiveMembers([], Now, TimeSpan.FromTicks(-1)));
    }
}
