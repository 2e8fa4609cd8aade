using Keeper.Host.Devnet.Postgres;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Gate;

/// <summary>
/// "A node that cannot reach the store keeps tracking, submits nothing": with the server stopped, store operations fail
/// fast with <see cref="StoreErrorKind.Unavailable"/> instead of hanging, and work again once it is back. These tests stop
/// the server, so they run on a server of their own.
/// </summary>
public sealed class PostgresClaimStoreOutageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private PostgresServer? _server;
    private PostgresClaimDatabase? _store;

    private PostgresServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartNewAsync();
        var connectionString = await _server.CreateDatabaseAsync("outage");
        var options = new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(connectionString)) { ConnectTimeout = ConnectTimeout, CommandTimeout = TimeSpan.FromSeconds(2) };
        _store = await PostgresClaimDatabase.OpenAsync(options, TimeProvider.System, logger: null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static Claim NewClaim(string taskKey, long window) => new(taskKey, window, "keeper-a", null, ClaimState.Pending, T0, T0);

    [Fact]
    public async Task TryClaimAsync_ServerStoppedThenRestarted_FailsFastAsUnavailableThenWorksAgain()
    {
        var claims = new SqlClaimStore(_store!);
        var before = await claims.TryClaimAsync(NewClaim("task-1", 0), head: 0, CancellationToken.None);
        Assert.True(before.IsClaimed);

        await Server.StopAsync();

        // Twice: the first attempt finds the pooled connection broken, the second has to connect and is refused.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var e = await Assert.ThrowsAsync<StoreException>(
                () => claims.TryClaimAsync(NewClaim("task-2", 0), head: 0, CancellationToken.None).WaitAsync(ConnectTimeout + TimeSpan.FromSeconds(3)));
            Assert.Equal(StoreErrorKind.Unavailable, e.Kind);
            Assert.Equal($"127.0.0.1:{Server.Port}/outage", e.Location);
            Assert.Contains(e.Location, e.Message, StringComparison.Ordinal);
        }

        await Server.StartAsync();

        var after = await claims.TryClaimAsync(NewClaim("task-2", 0), head: 0, CancellationToken.None);
        Assert.True(after.IsClaimed);
        Assert.Equal([before.Claim], await claims.GetAsync("task-1", CancellationToken.None));
        Assert.Equal(ClaimOutcome.PendingElsewhere, (await claims.TryClaimAsync(NewClaim("task-1", 1), head: 0, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task EveryStore_ServerStopped_FailsFastAsUnavailable()
    {
        var probe = new SqlStoreProbe(_store!);
        await probe.CheckAsync(CancellationToken.None);
        var claims = new SqlClaimStore(_store!);
        var claim = NewClaim("task-1", 0);
        await claims.TryClaimAsync(claim, head: 0, CancellationToken.None);

        await Server.StopAsync();

        var bound = ConnectTimeout + TimeSpan.FromSeconds(3);
        Func<Task>[] operations =
        [
            () => probe.CheckAsync(CancellationToken.None),
            () => claims.TryClaimAsync(NewClaim("task-2", 0), head: 0, CancellationToken.None),
            () => claims.GetPendingAsync(CancellationToken.None),
            () => claims.UpdateAsync(claim.TaskKey, claim.Window, claim.MemberId, ClaimState.Mined, null, null, T0, CancellationToken.None),
        ];
        foreach (var operation in operations)
        {
            var e = await Assert.ThrowsAsync<StoreException>(() => operation().WaitAsync(bound));
            Assert.Equal(StoreErrorKind.Unavailable, e.Kind);
        }

        await Server.StartAsync();

        await probe.CheckAsync(CancellationToken.None);
        Assert.Equal([claim], await claims.GetPendingAsync(CancellationToken.None));
    }
}
