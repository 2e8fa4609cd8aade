using Keeper.Actors.Persistence;
using Keeper.Actors.Tracking;
using Keeper.Chain.Eth;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// A real keeper process checkpoints into Akka.Persistence.Sql's snapshot store (its trackers' snapshots, then the
/// watcher's position), is killed, and resumes from the checkpoint after a restart.
/// </summary>
public sealed class KeeperCheckpointTests : KeeperProcessTestBase
{
    private const string CheckpointEveryBlock = "tracking.checkpoint-every-blocks = 1";

    [Fact]
    public async Task KilledAfterACheckpoint_RestartResumesFromItAndDissolvesOnce()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var snapshots = new SnapshotScope(KeeperAddress);
        var first = await StartKeeperAsync(CheckpointEveryBlock);
        await ManualMiningAsync();
        var latest = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        await MineAtAsync(latest.Timestamp + BlockSeconds, first);

        // Every new head starts a checkpoint; the watcher's row is written only after every tracker saved its own.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (await SnapshotCountAsync(snapshots.Checkpoint) == 0)
            {
                await Task.Delay(100, timeout.Token);
            }
        }

        // A later checkpoint may be between writing the tracker's next snapshot and deleting the older one: one or two.
        Assert.InRange(await SnapshotCountAsync(snapshots.Tracker(megapool)), 1, 2);
        first.Kill();
        using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await first.WaitForExitAsync(exit.Token);
        }

        var restarted = await StartKeeperAsync(CheckpointEveryBlock);

        Assert.Contains("Resumed from the checkpoint at block", Log(), StringComparison.Ordinal);
        await AssertDoneOnceAsync(megapool, id, dueAt, restarted);
    }

    /// <summary>How many snapshots of <paramref name="persistenceId"/> the node's SQLite file holds (0 before the table exists).</summary>
    private async Task<long> SnapshotCountAsync(string persistenceId)
    {
        var store = SqlStoreLocation.Sqlite(Path.Combine(Work, "keeper.db"));
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{SqlPersistenceConfig.SnapshotTable}'";
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
        {
            return 0;
        }

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {SqlPersistenceConfig.SnapshotTable} WHERE persistence_id = $id";
        count.Parameters.AddWithValue("$id", persistenceId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
