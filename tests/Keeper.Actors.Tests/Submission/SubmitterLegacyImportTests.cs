using System.Numerics;
using System.Text;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Nethereum.Model;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

/// <summary>
/// Upgrading a store written before Akka.Persistence: the submitter brings its account's unfinished history over from
/// the old <c>journal</c> table once, through its own journal, and resumes it; it never forgets a transaction in flight
/// nor sends its action twice.
/// </summary>
public sealed class SubmitterLegacyImportTests : SubmitterTestBase
{
    private static readonly string PersistenceId = Submitter.PersistenceIdFor(Key.Address);
    private SqliteClaimDatabase? _database;

    // The old store's tables in the test's store file, then the claim database opened over it, as a node opens it at
    // start (it applies the newer migrations).
    private async Task<SqlLegacyJournal> OldStoreAsync(Func<SqliteConnection, Task> rows)
    {
        await using (var connection = new SqliteConnection($"Data Source={Store.SqlitePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await OldKeeperStore.ExecuteAsync(connection, OldKeeperStore.SqliteTables);
            await rows(connection);
        }

        _database = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(Store), TimeProvider.System, logger: null, CancellationToken.None);
        return new SqlLegacyJournal(_database);
    }

    // A dissolve signed as the old submitter signed it (chain 31337, nonce 0).
    private static TransactionVersion OldVersion(ulong nonce = 0, uint validator = 7)
    {
        var call = Dissolve(validator);
        var signed = Key.Sign(new Transaction1559(31337, nonce, 1_000_000_000, 3_000_000_000, 60_000, call.To.ToLowerHex(), BigInteger.Zero, Hex.Encode(call.Data), []));
        return new TransactionVersion(signed.Hash, signed.Bytes, call.To, call.Data, 60_000, 3_000_000_000, 1_000_000_000, false);
    }

    private static Task AppendSentInFlightAsync(SqliteConnection connection, TransactionVersion version) =>
        OldKeeperStore.AppendRawAsync(connection, PersistenceId, [
            (SubmissionEventSerializer.CreatedManifest, SubmissionEventSerializer.Serialize(new TransactionCreated(TaskKey(), 0, version))),
            OldKeeperStore.SentRow(version.Hash.ToString()),
        ]);

    public override async Task DisposeAsync()
    {
        // The submitters first (one may be reading the old journal), then the claim database, then the folder.
        await ShutdownAsync(verifySystemShutdown: true);
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Start_OldJournalHoldsATransactionInFlight_ImportedOnceResentAsIsAndFinishedWithoutASecond()
    {
        var version = OldVersion();
        LegacyJournal = await OldStoreAsync(async connection =>
        {
            await AppendSentInFlightAsync(connection, version);
            await OldKeeperStore.AddSnapshotAsync(connection);
        });

        var submitter = StartSubmitter();
        Gate.Send(submitter, new SubscribeOutcomes(Gate.Ref));
        var resumed = await Gate.ExpectMsgAsync<ResumedActions>();

        Assert.Equal([(0UL, version.Hash, TransactionState.Pending)], resumed.InFlight.Select(t => (t.Nonce, t.Hash, t.State)));
        Assert.Equal([new TransactionCreated(TaskKey(), 0, version), new TransactionSent(0, version.Hash)], await JournalAsync());
        Assert.Equal(version.Hash, Assert.Single(Chain.Accepted).Hash);
        Assert.Single(Logs.Entries, e => e.Message.Contains($"Imported 2 events of {PersistenceId} (1 transactions unfinished)", StringComparison.Ordinal));
        Assert.Single(Logs.Entries, e => e.Message.Contains("1 rows in its old snapshot table", StringComparison.Ordinal) && e.Message.Contains("start cold", StringComparison.Ordinal));

        await MineAsync(submitter);
        Assert.Equal(version.Hash, (await Gate.ExpectMsgAsync<ActionMined>()).Hash);
        await StopAsync(submitter);

        var restarted = StartSubmitter();
        await SettledAsync(restarted);
        Gate.Send(restarted, Action());
        var again = await Gate.ExpectMsgAsync<ActionSent>();

        var journal = await JournalAsync();
        Assert.Single(journal, e => e is TransactionCreated { Nonce: 0 });
        Assert.Equal(1UL, again.Nonce);
        Assert.Single(Logs.Entries, e => e.Message.Contains("Imported", StringComparison.Ordinal));
        Assert.True((await LegacyJournal.ReadAsync(PersistenceId, CancellationToken.None)).AlreadyImported);
    }

    [Fact]
    public async Task Start_OldJournalAllFinalLongAgo_NothingImportedAndMarkedDone()
    {
        var version = OldVersion();
        for (var i = 0; i < 70; i++)
        {
            Chain.Mine();
        }

        LegacyJournal = await OldStoreAsync(connection => OldKeeperStore.AppendAsync(connection, PersistenceId, [
            new TransactionCreated(TaskKey(), 0, version),
            new TransactionSent(0, version.Hash),
            new TransactionMined(0, version.Hash, 2, new Hash32(Enumerable.Repeat((byte)2, 32).ToArray()), true, 41_000, 41_000_000_000_000),
        ]));

        var submitter = StartSubmitter();
        await SettledAsync(submitter);

        Assert.Empty(await JournalAsync());
        Assert.Empty(Chain.Accepted);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("none needs importing", StringComparison.Ordinal));
        Assert.True((await LegacyJournal.ReadAsync(PersistenceId, CancellationToken.None)).AlreadyImported);
    }

    [Fact]
    public async Task Start_OldJournalRowUnreadable_RefusesToActNamingTheTable()
    {
        LegacyJournal = await OldStoreAsync(connection => OldKeeperStore.AppendRawAsync(connection, PersistenceId, [
            (SubmissionEventSerializer.CreatedManifest, Encoding.UTF8.GetBytes("{\"nonce\":0,")),
        ]));

        var submitter = StartSubmitter();
        Gate.Send(submitter, Action());
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.Halted, refused.Reason);
        Assert.Contains($"table 'journal' of {Store.SqlitePath}", refused.Detail, StringComparison.Ordinal);
        Assert.Contains($"{PersistenceId} #1 cannot be read", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(Chain.Accepted);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("refuses to act", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AkkaJournalAlreadyUsedAndOldJournalHoldsAnUnimportedTransaction_RefusesAndSaysWhatToDo()
    {
        var first = StartSubmitter();
        await SubmitAsync(first, 9);
        await StopAsync(first);
        var old = OldVersion(0, 7);
        LegacyJournal = await OldStoreAsync(connection => AppendSentInFlightAsync(connection, old));

        var submitter = StartSubmitter();
        Gate.Send(submitter, Action(8));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.Halted, refused.Reason);
        Assert.Contains("never imported", refused.Detail, StringComparison.Ordinal);
        Assert.Contains($"DELETE FROM journal WHERE persistence_id = '{PersistenceId}'", refused.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Chain.Accepted, tx => tx.Hash == old.Hash);
        Assert.False((await LegacyJournal.ReadAsync(PersistenceId, CancellationToken.None)).AlreadyImported);
    }
}
