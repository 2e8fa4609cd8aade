using System.Globalization;
using System.Text;
using Keeper.Actors.Persistence;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>
/// The SQLite store shared by separate OS processes (tests/Keeper.StoreProbe), and killed with SIGKILL mid-write.
/// </summary>
public sealed class SqliteStoreProcessTests : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(120);
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoProcessesAppendingToOneIdAtOnce_StoreEveryEntryOnceWithNoGaps()
    {
        const int PerProcess = 150;
        await using var first = await StoreProbeProcess.StartAsync(_folder.StorePath, "shared", PerProcess, ProbeTimeout);
        await using var second = await StoreProbeProcess.StartAsync(_folder.StorePath, "shared", PerProcess, ProbeTimeout);

        await Task.WhenAll(first.GoAsync(), second.GoAsync());
        var acked = await Task.WhenAll(ReadAcksUntilDoneAsync(first), ReadAcksUntilDoneAsync(second));

        Assert.Equal(0, await first.WaitForExitAsync(ProbeTimeout));
        Assert.Equal(0, await second.WaitForExitAsync(ProbeTimeout));
        Assert.Equal(PerProcess, acked[0].Count);
        Assert.Equal(PerProcess, acked[1].Count);
        Assert.Empty(acked[0].Intersect(acked[1]));

        var entries = await ReadBackAsync("shared");
        Assert.Equal(Enumerable.Range(1, 2 * PerProcess).Select(n => (long)n), entries.Select(e => e.SequenceNr));
        Assert.Equal(acked[0].Concat(acked[1]).Order(), entries.Select(e => e.SequenceNr));
        AssertConsistent(entries, "shared");
    }

    [Fact]
    public async Task ProcessKilledMidAppend_EveryAcknowledgedEntrySurvivesAndTheFileIsIntact()
    {
        const int AcksBeforeKill = 60;
        var acked = new List<long>();
        await using (var probe = await StoreProbeProcess.StartAsync(_folder.StorePath, "victim", 0, ProbeTimeout))
        {
            await probe.GoAsync();
            while (acked.Count < AcksBeforeKill)
            {
                acked.Add(ParseAck(await probe.ReadLineAsync(ProbeTimeout)));
            }

            // Killed while it keeps writing (count 0 = forever): likely mid-transaction or mid-fsync.
            await probe.KillAsync();

            // Acks already in the pipe were printed after their commits returned: they count as acknowledged too.
            while (await probe.ReadLineAsync(ProbeTimeout) is { } line)
            {
                acked.Add(ParseAck(line));
            }
        }

        var entries = await ReadBackAsync("victim");
        Assert.True(entries.Count >= acked.Count, $"{acked.Count} writes were acknowledged but only {entries.Count} entries survived");
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.SequenceNr));
        Assert.Subset(entries.Select(e => e.SequenceNr).ToHashSet(), acked.ToHashSet());
        AssertConsistent(entries, "victim");
        AssertIntegrity();

        // The store still takes writes after the crash.
        await using var store = await OpenAsync();
        await store.WriteAsync([new JournalEntry("victim", entries.Count + 1, "M", [])], CancellationToken.None);
    }

    private static async Task<List<long>> ReadAcksUntilDoneAsync(StoreProbeProcess probe)
    {
        var acked = new List<long>();
        while (await probe.ReadLineAsync(ProbeTimeout) is { } line)
        {
            if (line.StartsWith("done ", StringComparison.Ordinal))
            {
                return acked;
            }

            acked.Add(ParseAck(line));
        }

        throw new InvalidOperationException($"The store probe ended without 'done' after {acked.Count} acks. stderr: {probe.StandardError}");
    }

    private static long ParseAck(string? line) =>
        line is not null && line.StartsWith("ack ", StringComparison.Ordinal)
            ? long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Expected 'ack <n>' from the store probe, got '{line}'.");

    private Task<SqliteStore> OpenAsync() =>
        SqliteStore.OpenAsync(new SqliteStoreOptions(_folder.StorePath), new StoreTestClock(DateTimeOffset.UnixEpoch), logger: null, CancellationToken.None);

    private async Task<IReadOnlyList<JournalEntry>> ReadBackAsync(string persistenceId)
    {
        await using var store = await OpenAsync();
        var entries = await store.ReadAsync(persistenceId, 0, long.MaxValue, int.MaxValue, CancellationToken.None);
        Assert.Equal(entries.Count == 0 ? 0 : entries[^1].SequenceNr, await store.HighestSequenceNrAsync(persistenceId, CancellationToken.None));
        return entries;
    }

    private static void AssertConsistent(IReadOnlyList<JournalEntry> entries, string persistenceId)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(Encoding.UTF8.GetBytes($"{persistenceId}#{entries[i].SequenceNr}"), entries[i].Payload);
            Assert.True(i == 0 || entries[i - 1].Ordering < entries[i].Ordering, "ordering must increase with the sequence number");
        }
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
