using Keeper.Actors.Gate;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Actors.Tests.Gate;

public sealed class GateMathTests
{
    private static Address Member(byte b)
    {
        var bytes = new byte[20];
        bytes[19] = b;
        return new Address(bytes);
    }

    [Fact]
    public void Seed_IsFirstEightBytesOfKeccakBigEndian() =>
        // keccak256("transfer(address,uint256)") = a9059cbb2ab09eb2...
        Assert.Equal(0xa9059cbb2ab09eb2UL, GateMath.Seed("transfer(address,uint256)"));

    [Theory]
    [InlineData(100UL, 99UL, 24UL, -1L)]
    [InlineData(100UL, 100UL, 24UL, 0L)]
    [InlineData(100UL, 123UL, 24UL, 0L)]
    [InlineData(100UL, 124UL, 24UL, 1L)]
    [InlineData(100UL, 100UL + (24 * 7), 24UL, 7L)]
    public void Window_CountsWholeWindowsSinceDue(ulong dueAt, ulong t, ulong w, long expected) =>
        Assert.Equal(expected, GateMath.Window(dueAt, t, w));

    [Fact]
    public void Holder_ConsecutiveWindows_RotateThroughEveryMember()
    {
        var members = GateMath.Order([Member(3), Member(1), Member(2)]);
        var seed = GateMath.Seed("dissolve:minipool:0x00000000000000000000000000000000000000aa");

        var holders = Enumerable.Range(0, 6).Select(k => GateMath.Holder(seed, k, members)).ToArray();

        Assert.Equal(3, holders.Take(3).Distinct().Count());
        Assert.Equal(holders.Take(3), holders.Skip(3));
    }

    [Fact]
    public void Holder_ManyTasks_SpreadEvenlyAcrossMembers()
    {
        var members = GateMath.Order(Enumerable.Range(1, 5).Select(i => Member((byte)i)));
        var counts = members.ToDictionary(m => m, _ => 0);
        for (var i = 0; i < 10_000; i++)
        {
            counts[GateMath.Holder(GateMath.Seed($"dissolve:megapool:0xabc:{i}"), 0, members)]++;
        }

        Assert.All(counts.Values, c => Assert.InRange(c, 2_000 * 0.9, 2_000 * 1.1));
    }

    [Fact]
    public void Order_IsByAddressAndDropsDuplicates() =>
        Assert.Equal([Member(1), Member(2)], GateMath.Order([Member(2), Member(1), Member(2)]));
}
