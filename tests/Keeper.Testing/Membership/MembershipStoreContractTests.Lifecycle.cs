using Keeper.Actors.Membership;
using Xunit;

namespace Keeper.Testing.Membership;

/// <content>Leaving, cleanup, suspicion through the gate's view, persistence and argument checks.</content>
public abstract partial class MembershipStoreContractTests
{
    [Fact]
    public async Task LeaveAsync_Member_RemovesItAtOnceForEveryReader()
    {
        var stores = new[] { await OpenAsync(), await OpenAsync() };
        await JoinActiveAsync(stores[0], Member("keeper-a", 1));
        var b = await JoinActiveAsync(stores[0], Member("keeper-b", 2));

        Assert.True(await stores[0].LeaveAsync("keeper-a", CancellationToken.None));

        var table = await stores[1].ReadAllAsync(CancellationToken.None);
        Assert.Equal([b], table.Members);
        Assert.Equal(5, table.TableVersion);
        Assert.Null(await stores[1].HeartbeatAsync("keeper-a", T0 + TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public async Task LeaveAsync_UnknownMember_ReturnsFalseAndChangesNoVersion()
    {
        var store = await OpenAsync();
        await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);

        Assert.False(await store.LeaveAsync("ghost", CancellationToken.None));
        Assert.Equal(1, (await store.ReadAllAsync(CancellationToken.None)).TableVersion);
    }

    [Fact]
    public async Task CleanupAsync_StaleRows_RemovesOnlyThoseOlderThanTheCutoff()
    {
        var store = await OpenAsync();
        await store.JoinAsync(Member("old", 1), CancellationToken.None);
        await store.JoinAsync(Member("edge", 2, TimeSpan.FromMinutes(10)), CancellationToken.None);
        await JoinActiveAsync(store, Member("fresh", 3, TimeSpan.FromMinutes(20)));

        var removed = await store.CleanupAsync(T0 + TimeSpan.FromMinutes(10), CancellationToken.None);
        var again = await store.CleanupAsync(T0 + TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal((1, 0), (removed, again));
        var table = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal(["edge", "fresh"], table.Members.Select(m => m.MemberId));
        Assert.Equal(5, table.TableVersion);
    }

    [Fact]
    public async Task LiveMembers_OverStoredRows_DropsMembersWhoseHeartbeatIsOlderThanTheTimeout()
    {
        var timeout = TimeSpan.FromSeconds(30);
        var store = await OpenAsync();
        await JoinActiveAsync(store, Member("c", 0x0C));
        await JoinActiveAsync(store, Member("a", 0xAA));
        await JoinActiveAsync(store, Member("b", 0x0B));
        await store.JoinAsync(Member("joining", 0x01), CancellationToken.None);

        // At T0+60 s: a beat at T0+30 s (exactly the timeout ago: still live), b at T0+45 s, c never since T0.
        await store.HeartbeatAsync("a", T0 + TimeSpan.FromSeconds(30), CancellationToken.None);
        await store.HeartbeatAsync("b", T0 + TimeSpan.FromSeconds(45), CancellationToken.None);
        await store.HeartbeatAsync("joining", T0 + TimeSpan.FromSeconds(60), CancellationToken.None);
        var rows = (await store.ReadAllAsync(CancellationToken.None)).Members;

        Assert.Equal(["b", "a"], MembershipView.LiveMembers(rows, T0 + TimeSpan.FromSeconds(60), timeout).Select(m => m.MemberId));
        Assert.Equal(["b"], MembershipView.LiveMembers(rows, T0 + TimeSpan.FromSeconds(60) + TimeSpan.FromTicks(1), timeout).Select(m => m.MemberId));
        Assert.Equal(["b", "c", "a"], MembershipView.LiveMembers(rows, T0 + TimeSpan.FromSeconds(30), timeout).Select(m => m.MemberId));
    }

    [Fact]
    public async Task Reopen_AfterClose_RowsAndVersionsAreThere()
    {
        var store = await OpenAsync();
        var a = await JoinActiveAsync(store, Member("keeper-a", 1));
        var b = await store.HeartbeatAsync((await store.JoinAsync(Member("keeper-b", 2), CancellationToken.None)).MemberId, T0 + TimeSpan.FromSeconds(5), CancellationToken.None);
        await CloseAsync(store);

        var reopened = await OpenAsync();

        var table = await reopened.ReadAllAsync(CancellationToken.None);
        Assert.Equal([a, b!], table.Members);
        Assert.Equal(3, table.TableVersion);
    }

    [Fact]
    public async Task Operations_BadArguments_ThrowArgumentExceptions()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.JoinAsync(null!, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.JoinAsync(Member("", 1), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.JoinAsync(Member(new string('x', 201), 1), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.JoinAsync(Member("keeper-b", 1) with { Host = "" }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.HeartbeatAsync("", T0, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.LeaveAsync("", CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.UpdateAsync(joined, 0, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.UpdateAsync(joined with { Status = (MemberStatus)42 }, 1, CancellationToken.None));

        var table = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal([joined], table.Members);
        Assert.Equal(1, table.TableVersion);
    }
}
