using Keeper.Actors.Membership;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Testing.Membership;

/// <summary>
/// The behaviour every <see cref="IMembershipStore"/> must have. A store's test class derives from this and says how to
/// open and close a store; every open within one test reaches the same storage (so a test can reopen it or race two
/// instances), and each test starts with empty storage.
/// </summary>
public abstract partial class MembershipStoreContractTests : IAsyncLifetime
{
    /// <summary>The time tests start at; every time in these tests is derived from it.</summary>
    protected static readonly DateTimeOffset T0 = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    private readonly List<IMembershipStore> _open = [];

    /// <summary>Opens a new store instance (its own connections) over this test's storage.</summary>
    protected abstract Task<IMembershipStore> OpenMembershipStoreAsync();

    /// <summary>Closes a store from <see cref="OpenMembershipStoreAsync"/>, releasing its connections.</summary>
    protected abstract ValueTask CloseMembershipStoreAsync(IMembershipStore store);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _open.ToArray())
        {
            await CloseAsync(store);
        }
    }

    /// <summary>A member whose signing address is 20 bytes of <paramref name="addressByte"/>.</summary>
    protected static MemberInfo Member(string id, byte addressByte, TimeSpan? startedAfter = null) =>
        new(id, new Address(Enumerable.Repeat(addressByte, Address.Size).ToArray()), $"host-{id}", T0 + (startedAfter ?? TimeSpan.Zero));

    private async Task<IMembershipStore> OpenAsync()
    {
        var store = await OpenMembershipStoreAsync();
        lock (_open)
        {
            _open.Add(store);
        }

        return store;
    }

    private async Task CloseAsync(IMembershipStore store)
    {
        lock (_open)
        {
            _open.Remove(store);
        }

        await CloseMembershipStoreAsync(store);
    }

    private static async Task<MemberRow> JoinActiveAsync(IMembershipStore store, MemberInfo member)
    {
        var joined = await store.JoinAsync(member, CancellationToken.None);
        return await store.UpdateAsync(joined with { Status = MemberStatus.Active }, joined.Version, CancellationToken.None);
    }

    [Fact]
    public async Task ReadAllAsync_EmptyTable_ReturnsNoRowsAtVersionZero()
    {
        var store = await OpenAsync();

        var table = await store.ReadAllAsync(CancellationToken.None);

        Assert.Empty(table.Members);
        Assert.Equal(0, table.TableVersion);
    }

    [Fact]
    public async Task JoinAsync_NewMember_WritesJoiningRowAtVersionOne()
    {
        var store = await OpenAsync();
        var member = Member("keeper-a", 0xAB, TimeSpan.FromSeconds(3));

        var joined = await store.JoinAsync(member, CancellationToken.None);
        var table = await store.ReadAllAsync(CancellationToken.None);

        var expected = new MemberRow("keeper-a", member.SigningAddress, "host-keeper-a", member.Started, MemberStatus.Joining, member.Started, 1);
        Assert.Equal(expected, joined);
        Assert.Equal([expected], table.Members);
        Assert.Equal(1, table.TableVersion);
    }

    [Fact]
    public async Task JoinAsync_MemberIdTaken_ThrowsConflictAndChangesNothing()
    {
        var store = await OpenAsync();
        var first = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);

        var e = await Assert.ThrowsAsync<MembershipConflictException>(() => store.JoinAsync(Member("keeper-a", 2), CancellationToken.None));

        Assert.Equal(("keeper-a", 0L, first), (e.MemberId, e.ExpectedVersion, e.Current));
        var table = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal([first], table.Members);
        Assert.Equal(1, table.TableVersion);
    }

    [Fact]
    public async Task ReadAllAsync_SeveralMembers_OrderedByMemberIdWithOneVersionPerChange()
    {
        var store = await OpenAsync();
        await store.JoinAsync(Member("b", 1), CancellationToken.None);
        await store.JoinAsync(Member("a", 2), CancellationToken.None);
        await store.JoinAsync(Member("C", 3), CancellationToken.None);

        var table = await store.ReadAllAsync(CancellationToken.None);

        Assert.Equal(["C", "a", "b"], table.Members.Select(m => m.MemberId));
        Assert.Equal(3, table.TableVersion);
    }

    [Fact]
    public async Task HeartbeatAsync_LaterTime_MovesIAmAliveAndChangesNoVersion()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);

        var beat = await store.HeartbeatAsync("keeper-a", T0 + TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(joined with { IAmAlive = T0 + TimeSpan.FromSeconds(10) }, beat);
        var table = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal([beat!], table.Members);
        Assert.Equal(1, table.TableVersion);
    }

    [Fact]
    public async Task HeartbeatAsync_EarlierTime_NeverMovesIAmAliveBack()
    {
        var store = await OpenAsync();
        await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);
        await store.HeartbeatAsync("keeper-a", T0 + TimeSpan.FromSeconds(10), CancellationToken.None);

        var beat = await store.HeartbeatAsync("keeper-a", T0 + TimeSpan.FromSeconds(4), CancellationToken.None);

        Assert.Equal(T0 + TimeSpan.FromSeconds(10), beat!.IAmAlive);
    }

    [Fact]
    public async Task HeartbeatAsync_UnknownMember_ReturnsNullAndCreatesNothing()
    {
        var store = await OpenAsync();

        Assert.Null(await store.HeartbeatAsync("ghost", T0, CancellationToken.None));
        Assert.Empty((await store.ReadAllAsync(CancellationToken.None)).Members);
    }

    [Fact]
    public async Task UpdateAsync_AtExpectedVersion_WritesStatusAndBumpsRowAndTableVersions()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);

        var active = await store.UpdateAsync(joined with { Status = MemberStatus.Active, IAmAlive = T0 + TimeSpan.FromSeconds(2) }, 1, CancellationToken.None);

        Assert.Equal(joined with { Status = MemberStatus.Active, IAmAlive = T0 + TimeSpan.FromSeconds(2), Version = 2 }, active);
        var table = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal([active], table.Members);
        Assert.Equal(2, table.TableVersion);
    }

    [Fact]
    public async Task UpdateAsync_IdentityFieldsChanged_KeepsThoseFromTheJoin()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);

        var updated = await store.UpdateAsync(
            joined with { Host = "elsewhere", SigningAddress = Address.Zero, Started = T0 + TimeSpan.FromDays(1), Status = MemberStatus.Active },
            1,
            CancellationToken.None);

        Assert.Equal(joined with { Status = MemberStatus.Active, Version = 2 }, updated);
    }

    [Fact]
    public async Task UpdateAsync_OlderHeartbeat_KeepsTheLaterStoredOne()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);
        await store.HeartbeatAsync("keeper-a", T0 + TimeSpan.FromSeconds(30), CancellationToken.None);

        // Another member read the row before the heartbeat and declares it dead.
        var dead = await store.UpdateAsync(joined with { Status = MemberStatus.Dead }, 1, CancellationToken.None);

        Assert.Equal((MemberStatus.Dead, T0 + TimeSpan.FromSeconds(30)), (dead.Status, dead.IAmAlive));
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsConflictAndWritesNothing()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);
        var active = await store.UpdateAsync(joined with { Status = MemberStatus.Active }, 1, CancellationToken.None);

        var e = await Assert.ThrowsAsync<MembershipConflictException>(
            () => store.UpdateAsync(joined with { Status = MemberStatus.Dead }, 1, CancellationToken.None));

        Assert.Equal(("keeper-a", 1L, active), (e.MemberId, e.ExpectedVersion, e.Current));
        var table = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal([active], table.Members);
        Assert.Equal(2, table.TableVersion);
    }

    [Fact]
    public async Task UpdateAsync_MemberGone_ThrowsConflictWithNoCurrentRow()
    {
        var store = await OpenAsync();
        var joined = await store.JoinAsync(Member("keeper-a", 1), CancellationToken.None);
        await store.LeaveAsync("keeper-a", CancellationToken.None);

        var e = await Assert.ThrowsAsync<MembershipConflictException>(
            () => store.UpdateAsync(joined with { Status = MemberStatus.Active }, 1, CancellationToken.None));

        Assert.Null(e.Current);
        Assert.Empty((await store.ReadAllAsync(CancellationToken.None)).Members);
        Assert.Equal(2, (await store.ReadAllAsync(CancellationToken.None)).TableVersion);
    }

    [Fact]
    public async Task UpdateAsync_WritersRacingOnOneVersionFromTwoInstances_ExactlyOneWins()
    {
        const int Writers = 8;
        var stores = new[] { await OpenAsync(), await OpenAsync() };
        var joined = await stores[0].JoinAsync(Member("keeper-a", 1), CancellationToken.None);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, Writers).Select(async writer =>
        {
            await start.Task;
            var status = writer % 2 == 0 ? MemberStatus.Active : MemberStatus.Dead;
            try
            {
                return (Writer: writer, Row: await stores[writer % 2].UpdateAsync(joined with { Status = status }, 1, CancellationToken.None));
            }
            catch (MembershipConflictException e) when (e.Current?.Version == 2)
            {
                return (Writer: writer, Row: (MemberRow?)null);
            }
        }).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));

        var winner = Assert.Single(outcomes, o => o.Row is not null);
        var table = await stores[1].ReadAllAsync(CancellationToken.None);
        Assert.Equal([winner.Row!], table.Members);
        Assert.Equal(2, table.Members[0].Version);
        Assert.Equal(2, table.TableVersion);
    }

    [Fact]
    public async Task JoinAsync_ManyMembersAtOnce_AllJoinAndTableVersionCountsThem()
    {
        const int Members = 12;
        var stores = new[] { await OpenAsync(), await OpenAsync() };

        await Task.WhenAll(Enumerable.Range(0, Members).Select(i => stores[i % 2].JoinAsync(Member($"m{i:D2}", (byte)i), CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        var table = await stores[0].ReadAllAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, Members).Select(i => $"m{i:D2}"), table.Members.Select(m => m.MemberId));
        Assert.Equal(Members, table.TableVersion);
    }
}
