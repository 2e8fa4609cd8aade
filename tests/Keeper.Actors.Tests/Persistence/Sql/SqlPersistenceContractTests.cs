using System.Data.Common;
using Akka.Actor;
using Akka.Configuration;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Xunit;
using static Keeper.Actors.Tests.Persistence.Sql.JournalProbeActor;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>
/// Akka.Persistence.Sql as Keeper configures it (<see cref="SqlPersistenceConfig"/> and <see cref="KeeperSerializer"/>),
/// on a real database: one actor system writes, a second one on the same store recovers. Each concrete class supplies a
/// fresh store per test; the test kit's system is configured for it but starts no journal until a test does.
/// </summary>
public abstract class SqlPersistenceContractTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    /// <summary>Generous: the first use of the journal warms linq2db (about a second), on a busy 2-core machine.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected SqlPersistenceContractTests(SqlStoreLocation store, string systemName)
        : base(ConfigFor(store), systemName)
    {
        Store = store;
    }

    protected SqlStoreLocation Store { get; }

    /// <summary>What the host adds: the serializer's bindings, then the journal and snapshot store.</summary>
    protected static Config ConfigFor(SqlStoreLocation store) =>
        KeeperSerializer.Configuration.WithFallback(SqlPersistenceConfig.For(store));

    /// <summary>Creates or prepares the store, before any persistent actor starts.</summary>
    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Recovery_NewActorSystemOnTheSameStore_SnapshotThenTheLaterEventsInOrder()
    {
        var pid = PersistenceIdOf(nameof(Recovery_NewActorSystemOnTheSameStore_SnapshotThenTheLaterEventsInOrder));
        var events = await JournalTwelveEventsWithASnapshotAfterThree(pid);

        var actor = Sys.ActorOf(JournalProbeActor.Props(pid));
        actor.Tell(new GetRecovered(), TestActor);
        var recovered = ExpectMsg<Recovered>(Patience, "the recovered actor's state, after the snapshot and nine events replay");

        Assert.Equal(3, recovered.SnapshotSequenceNr);
        Assert.NotNull(recovered.Snapshot);
        Assert.Equal(TrackingSnapshots.Serialize(StoredSamples.Megapool()), TrackingSnapshots.Serialize(recovered.Snapshot));
        Assert.Equal(Numbered(events).Skip(3), recovered.Events);
        Assert.Equal(12, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task Recovery_NewActorSystemIgnoringSnapshots_EveryEventInOrder()
    {
        var pid = PersistenceIdOf(nameof(Recovery_NewActorSystemIgnoringSnapshots_EveryEventInOrder));
        var events = await JournalTwelveEventsWithASnapshotAfterThree(pid);

        var actor = Sys.ActorOf(JournalProbeActor.Props(pid, useSnapshot: false));
        actor.Tell(new GetRecovered(), TestActor);
        var recovered = ExpectMsg<Recovered>(Patience, "the recovered actor's state, after all twelve events replay");

        Assert.Null(recovered.Snapshot);
        Assert.Equal(Numbered(events), recovered.Events);
    }

    [Fact]
    public async Task Recovery_AfterMoreWritesInTheRecoveredSystem_ContinuesTheSequence()
    {
        var pid = PersistenceIdOf(nameof(Recovery_AfterMoreWritesInTheRecoveredSystem_ContinuesTheSequence));
        var events = await JournalTwelveEventsWithASnapshotAfterThree(pid);
        var more = StoredSamples.LifeOfNonce(9);

        var actor = Sys.ActorOf(JournalProbeActor.Props(pid));
        actor.Tell(new Append(more), TestActor);
        Assert.Equal(18, ExpectMsg<Appended>(Patience, "six more events journaled after recovery").LastSequenceNr);
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor, Patience);

        var again = Sys.ActorOf(JournalProbeActor.Props(pid, useSnapshot: false));
        again.Tell(new GetRecovered(), TestActor);
        var recovered = ExpectMsg<Recovered>(Patience, "the state after all eighteen events replay");

        Assert.Equal(Numbered([.. events, .. more]), recovered.Events);
    }

    [Fact]
    public async Task StoredRows_CarryKeeperManifestsAndSerializer_NotTypeNames()
    {
        var pid = PersistenceIdOf(nameof(StoredRows_CarryKeeperManifestsAndSerializer_NotTypeNames));
        var events = await JournalTwelveEventsWithASnapshotAfterThree(pid);

        var journal = await QueryAsync(
            $"SELECT manifest, identifier, message FROM {SqlPersistenceConfig.JournalTable} WHERE persistence_id = @pid ORDER BY sequence_number", pid);
        var snapshots = await QueryAsync(
            $"SELECT manifest, serializer_id, snapshot FROM {SqlPersistenceConfig.SnapshotTable} WHERE persistence_id = @pid", pid);

        Assert.Equal(
            [
                "submission.created.v1", "submission.sent.v1", "submission.replaced.v1",
                "submission.mined.v1", "submission.reorged.v1", "submission.dropped.v1",
                "submission.created.v1", "submission.sent.v1", "submission.replaced.v1",
                "submission.mined.v1", "submission.reorged.v1", "submission.dropped.v1",
            ],
            journal.Select(r => r.Manifest));
        Assert.All(journal, r => Assert.Equal(KeeperSerializer.Id, r.Serializer));
        Assert.Equal(events.Select(SubmissionEventSerializer.Serialize), journal.Select(r => r.Payload));
        var snapshot = Assert.Single(snapshots);
        Assert.Equal("megapool-tracking/1", snapshot.Manifest);
        Assert.Equal(KeeperSerializer.Id, snapshot.Serializer);
        Assert.Equal(TrackingSnapshots.Serialize(StoredSamples.Megapool()), snapshot.Payload);
    }

    [Fact]
    public void PluginSettings_InTheRunningSystem_KeepersTimeoutsOverThePluginDefaults()
    {
        var config = Sys.Settings.Config;

        var journal = config.GetConfig(config.GetString("akka.persistence.journal.plugin"));
        var snapshots = config.GetConfig(config.GetString("akka.persistence.snapshot-store.plugin"));

        Assert.Equal("Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql", journal.GetString("class"));
        Assert.Equal(TimeSpan.FromSeconds(30), journal.GetTimeSpan("circuit-breaker.call-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(60), journal.GetTimeSpan("recovery-event-timeout"));
        Assert.Equal(SqlPersistenceConfig.JournalTable, journal.GetString("default.journal.table-name"));
        Assert.Equal(Store.ProviderName, journal.GetString("provider-name"));
        Assert.Equal("Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql", snapshots.GetString("class"));
        Assert.Equal(TimeSpan.FromSeconds(30), snapshots.GetTimeSpan("circuit-breaker.call-timeout"));
        Assert.Equal(SqlPersistenceConfig.SnapshotTable, snapshots.GetString("default.snapshot.table-name"));
    }

    /// <summary>The submitter's persistence id shape: one per signing account.</summary>
    protected static string PersistenceIdOf(string test) => $"submitter:{test}";

    /// <summary>
    /// In an actor system of its own, journals two nonces' lives (twelve events) with a snapshot after the third, and
    /// terminates that system: what the next system reads comes from the store alone.
    /// </summary>
    protected async Task<IReadOnlyList<SubmissionEvent>> JournalTwelveEventsWithASnapshotAfterThree(string persistenceId)
    {
        IReadOnlyList<SubmissionEvent> events = [.. StoredSamples.LifeOfNonce(5), .. StoredSamples.LifeOfNonce(6)];
        var writer = ActorSystem.Create("writer", ConfigFor(Store));
        try
        {
            var actor = writer.ActorOf(JournalProbeActor.Props(persistenceId));
            Assert.Equal(3, (await actor.Ask<Appended>(new Append(events.Take(3).ToList()), Patience)).LastSequenceNr);
            Assert.Equal(3, (await actor.Ask<SnapshotStored>(new TakeSnapshot(StoredSamples.Megapool()), Patience)).SequenceNr);
            Assert.Equal(12, (await actor.Ask<Appended>(new Append(events.Skip(3).ToList()), Patience)).LastSequenceNr);
        }
        finally
        {
            await writer.Terminate();
        }

        return events;
    }

    protected async Task<List<(string Manifest, int Serializer, byte[] Payload)>> QueryAsync(string sql, string persistenceId)
    {
        await using var connection = Store.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@pid";
        parameter.Value = persistenceId;
        command.Parameters.Add(parameter);
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, byte[])>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), (byte[])reader.GetValue(2)));
        }

        return rows;
    }

    private static IEnumerable<(long, SubmissionEvent)> Numbered(IEnumerable<SubmissionEvent> events) =>
        events.Select((e, i) => ((long)i + 1, e));
}
