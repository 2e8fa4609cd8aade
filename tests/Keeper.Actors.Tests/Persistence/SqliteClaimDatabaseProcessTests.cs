using System.Globalization;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>
/// The claim database shared by separate OS processes (tests/Keeper.StoreProbe), and killed with SIGKILL mid-claim: the
/// gate's fence holds across processes, and an acknowledged claim survives the process that made it.
/// </summary>
public sealed class SqliteClaimDatabaseProcessTests : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(120);
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoProcessesClaimingTheSameTasksAtOnce_EachTaskIsClaimedOnceAndByTheProcessThatWasToldSo()
    {
        const int Tasks = 150;
        await using var first = await StoreProbeProcess.StartAsync(_folder.StorePath, "probe-a", Tasks, ProbeTimeout);
        await using var second = await StoreProbeProcess.StartAsync(_folder.StorePath, "probe-b", Tasks, ProbeTimeout);

        await Task.WhenAll(first.GoAsync(), second.GoAsync());
        var answers = await Task.WhenAll(ReadUntilDoneAsync(first), ReadUntilDoneAsync(second));

        Assert.Equal(0, await first.WaitForExitAsync(ProbeTimeout));
        Assert.Equal(0, await second.WaitForExitAsync(ProbeTimeout));
        var (ackedA, lostA) = answers[0];
        var (ackedB, lostB) = answers[1];
        Assert.Equal(Tasks, ackedA.Count + lostA.Count);
        Assert.Equal(Tasks, ackedB.Count + lostB.Count);
        Assert.Empty(ackedA.Intersect(ackedB));
        Assert.Equal(ackedA.Order(), lostB.Order());
        Assert.Equal(ackedB.Order(), lostA.Order());

        var holders = await ReadHoldersAsync();
        Assert.Equal(Enumerable.Range(1, Tasks).Select(n => (long)n), holders.Keys.Order());
        Assert.All(ackedA, n => Assert.Equal("probe-a", holders[n]));
        Assert.All(ackedB, n => Assert.Equal("probe-b", holders[n]));
    }

    [Fact]
    public async Task ProcessKilledMidClaim_EveryAcknowledgedClaimSurvivesAndTheFileIsIntact()
    {
        const int AcksBeforeKill = 60;
        var acked = new List<long>();
        await using (var probe = await StoreProbeProcess.StartAsync(_folder.StorePath, "victim", 0, ProbeTimeout))
        {
            await probe.GoAsync();
            while (acked.Count < AcksBeforeKill)
            {
                acked.Add(Ack(await probe.ReadLineAsync(ProbeTimeout)));
            }

            // Killed while it keeps claiming (count 0 = forever): likely mid-transaction or mid-fsync.
            await probe.KillAsync();

            // Acks already in the pipe were printed after their commits returned: they count as acknowledged too.
            while (await probe.ReadLineAsync(ProbeTimeout) is { } line)
            {
                acked.Add(Ack(line));
            }
        }

        var holders = await ReadHoldersAsync();
        Assert.True(holders.Count >= acked.Count, $"{acked.Count} claims were acknowledged but only {holders.Count} survived");
        Assert.Equal(Enumerable.Range(1, holders.Count).Select(n => (long)n), holders.Keys.Order());
        Assert.Subset(holders.Keys.ToHashSet(), acked.ToHashSet());
        Assert.All(holders.Values, member => Assert.Equal("victim", member));
        AssertIntegrity();

        // The database still takes claims after the crash, and still refuses the victim's.
        await using var database = await OpenAsync();
        var claims = new SqlClaimStore(database);
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(ClaimOutcome.PendingElsewhere, (await claims.TryClaimAsync(new Claim("task-1", 1, "survivor", null, ClaimState.Pending, now, now), head: 0, CancellationToken.None)).Outcome);
        Assert.True((await claims.TryClaimAsync(new Claim("task-0", 0, "survivor", null, ClaimState.Pending, now, now), head: 0, CancellationToken.None)).IsClaimed);
    }

    private static async Task<(List<long> Acked, List<long> Lost)> ReadUntilDoneAsync(StoreProbeProcess probe)
    {
        var (acked, lost) = (new List<long>(), new List<long>());
        while (await probe.ReadLineAsync(ProbeTimeout) is { } line)
        {
            if (line.StartsWith("done ", StringComparison.Ordinal))
            {
                return (acked, lost);
            }

            var (claimed, task) = ParseAnswer(line);
            (claimed ? acked : lost).Add(task);
        }

        throw new InvalidOperationException($"The store probe ended without 'done' after {acked.Count} acks and {lost.Count} losses. stderr: {probe.StandardError}");
    }

    private static (bool Claimed, long Task) ParseAnswer(string? line) => line?.Split(' ') switch
    {
        ["ack", var n] => (true, long.Parse(n, CultureInfo.InvariantCulture)),
        ["lost", var n] => (false, long.Parse(n, CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"Expected 'ack <n>' or 'lost <n>' from the store probe, got '{line}'."),
    };

    private static long Ack(string? line) => ParseAnswer(line) is (true, var task)
        ? task
        : throw new InvalidOperationException($"Expected 'ack <n>' from the only store probe, got '{line}'.");

    private Task<SqliteClaimDatabase> OpenAsync() =>
        SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(_folder.StorePath)), TimeProvider.System, logger: null, CancellationToken.None);

    /// <summary>Who holds each task's window-0 claim, by task number, read from the claim table itself.</summary>
    private async Task<Dictionary<long, string>> ReadHoldersAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.StorePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT task_key, member_id, window_nr, state FROM claim";
        await using var reader = await command.ExecuteReaderAsync();
        var holders = new Dictionary<long, string>();
        while (await reader.ReadAsync())
        {
            Assert.Equal((0L, "pending"), (reader.GetInt64(2), reader.GetString(3)));
            holders.Add(long.Parse(reader.GetString(0).AsSpan("task-".Length), CultureInfo.InvariantCulture), reader.GetString(1));
        }

        return holders;
    }

    private void AssertIntegrity()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }
}
