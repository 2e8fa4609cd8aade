using System.Numerics;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet.Postgres;
using Keeper.Testing.Persistence;
using Keeper.Testing.Postgres;
using Nethereum.Model;
using Npgsql;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>
/// <see cref="SqlLegacyJournal"/> on a PostgreSQL database written by Keeper before Akka.Persistence: the old tables are
/// kept through the newer migrations, their rows read back as the submitter's events, and the import recorded once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLegacyJournalTests(PostgresFixture fixture)
{
    private static readonly PrivateKey Key = PrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly string PersistenceId = Submitter.PersistenceIdFor(Key.Address);
    private readonly StoreTestClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private PostgresServer Server => fixture.Server;

    private static TransactionVersion Version()
    {
        var to = Address.Parse("0x00000000000000000000000000000000000000a1");
        byte[] data = [0x3b, 0x8a, 0x8f, 0x4c, 0, 0, 0, 7];
        var signed = Key.Sign(new Transaction1559(31337, 0, 1_000_000_000, 3_000_000_000, 60_000, to.ToLowerHex(), BigInteger.Zero, Hex.Encode(data), []));
        return new TransactionVersion(signed.Hash, signed.Bytes, to, data, 60_000, 3_000_000_000, 1_000_000_000, false);
    }

    private async Task<string> OldDatabaseAsync(Func<NpgsqlConnection, Task> rows)
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync("legacy");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await OldKeeperStore.ExecuteAsync(connection, OldKeeperStore.PostgresTables);
        await rows(connection);
        return connectionString;
    }

    private Task<PostgresClaimDatabase> OpenAsync(string connectionString) =>
        PostgresClaimDatabase.OpenAsync(new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(connectionString)), _clock, logger: null, CancellationToken.None);

    [Fact]
    public async Task ReadAsync_OldRowsAndSnapshots_EventsInOrderThenMarkedImportedOnce()
    {
        var version = Version();
        var connectionString = await OldDatabaseAsync(async connection =>
        {
            await OldKeeperStore.AppendRawAsync(connection, PersistenceId, [
                (SubmissionEventSerializer.CreatedManifest, SubmissionEventSerializer.Serialize(new TransactionCreated("dissolve:megapool:0xa1:7", 0, version))),
                OldKeeperStore.SentRow(version.Hash.ToString()),
            ]);
            await OldKeeperStore.AppendAsync(connection, "submitter:0x0000000000000000000000000000000000000002", [new TransactionCreated(null, 0, version)]);
            await OldKeeperStore.AddSnapshotAsync(connection);
        });
        await using var database = await OpenAsync(connectionString);
        var legacy = new SqlLegacyJournal(database);

        var read = await legacy.ReadAsync(PersistenceId, CancellationToken.None);
        await legacy.MarkImportedAsync(PersistenceId, 2, _clock.GetUtcNow(), CancellationToken.None);
        await legacy.MarkImportedAsync(PersistenceId, 2, _clock.GetUtcNow(), CancellationToken.None);
        var after = await legacy.ReadAsync(PersistenceId, CancellationToken.None);

        Assert.Equal((false, 1L), (read.AlreadyImported, read.Snapshots));
        Assert.Equal([new TransactionCreated("dissolve:megapool:0xa1:7", 0, version), new TransactionSent(0, version.Hash)], read.Events);
        Assert.Equal((true, 0, 0L), (after.AlreadyImported, after.Events.Count, after.Snapshots));
        Assert.Contains($"table 'journal' of 127.0.0.1:{Server.Port}/", legacy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DatabaseMadeAfterTheMove_NoOldTablesNoEvents()
    {
        await using var database = await OpenAsync(await Server.CreateUniqueDatabaseAsync("fresh"));

        var read = await new SqlLegacyJournal(database).ReadAsync(PersistenceId, CancellationToken.None);

        Assert.Equal((false, 0, 0L), (read.AlreadyImported, read.Events.Count, read.Snapshots));
    }

    [Fact]
    public async Task ReadAsync_HistoryWithAGap_ThrowsNamingTheTableAndTheSequenceNumber()
    {
        var version = Version();
        var connectionString = await OldDatabaseAsync(async connection =>
        {
            await OldKeeperStore.AppendAsync(connection, PersistenceId, [new TransactionCreated(null, 0, version), new TransactionSent(0, version.Hash)]);
            await OldKeeperStore.ExecuteAsync(connection, "DELETE FROM journal WHERE sequence_nr = 1");
        });
        await using var database = await OpenAsync(connectionString);

        var e = await Assert.ThrowsAsync<SubmissionJournalException>(() => new SqlLegacyJournal(database).ReadAsync(PersistenceId, CancellationToken.None));

        Assert.Contains("table 'journal'", e.Message, StringComparison.Ordinal);
        Assert.Contains("from sequence number 2 where 1 was expected", e.Message, StringComparison.Ordinal);
    }
}
