using Akka.Actor;
using Akka.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>
/// A test-only persistent actor that journals <see cref="SubmissionEvent"/>s and snapshots a
/// <see cref="MegapoolTrackingState"/>, and reports what it recovered, so the tests see exactly what the real journal
/// and snapshot store hand back.
/// </summary>
internal sealed class JournalProbeActor : ReceivePersistentActor
{
    private readonly List<(long SequenceNr, SubmissionEvent Event)> _events = [];
    private readonly bool _useSnapshot;
    private MegapoolTrackingState? _snapshot;
    private long _snapshotSequenceNr;
    private IActorRef? _snapshotRequester;

    public JournalProbeActor(string persistenceId, bool useSnapshot)
    {
        PersistenceId = persistenceId;
        _useSnapshot = useSnapshot;

        Recover<SnapshotOffer>(OnSnapshotOffer);
        Recover<SubmissionEvent>(e => _events.Add((LastSequenceNr, e)));

        Command<Append>(OnAppend);
        Command<TakeSnapshot>(OnTakeSnapshot);
        Command<SaveSnapshotSuccess>(s => _snapshotRequester?.Tell(new SnapshotStored(s.Metadata.SequenceNr)));
        Command<SaveSnapshotFailure>(f => _snapshotRequester?.Tell(new Status.Failure(f.Cause)));
        Command<GetRecovered>(_ => Sender.Tell(new Recovered([.. _events], _snapshot, _snapshotSequenceNr, LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    /// <summary>With <c>useSnapshot</c> false the actor ignores snapshots and replays the whole journal.</summary>
    public override Recovery Recovery => _useSnapshot ? Recovery.Default : new Recovery(SnapshotSelectionCriteria.None);

    public static Props Props(string persistenceId, bool useSnapshot = true) =>
        Akka.Actor.Props.Create(() => new JournalProbeActor(persistenceId, useSnapshot));

    private void OnSnapshotOffer(SnapshotOffer offer)
    {
        _snapshot = (MegapoolTrackingState)offer.Snapshot;
        _snapshotSequenceNr = offer.Metadata.SequenceNr;
    }

    private void OnAppend(Append append)
    {
        var requester = Sender;
        PersistAll(append.Events, e => _events.Add((LastSequenceNr, e)));
        DeferAsync(append, _ => requester.Tell(new Appended(LastSequenceNr)));
    }

    private void OnTakeSnapshot(TakeSnapshot take)
    {
        _snapshotRequester = Sender;
        SaveSnapshot(take.State);
    }

    /// <summary>Journal these events, then reply <see cref="Appended"/>.</summary>
    public sealed record Append(IReadOnlyList<SubmissionEvent> Events);

    /// <summary>The events are journaled; the last has this sequence number.</summary>
    public sealed record Appended(long LastSequenceNr);

    /// <summary>Save this state as a snapshot, then reply <see cref="SnapshotStored"/>.</summary>
    public sealed record TakeSnapshot(MegapoolTrackingState State);

    /// <summary>The snapshot is saved at this sequence number.</summary>
    public sealed record SnapshotStored(long SequenceNr);

    /// <summary>Reply with <see cref="Recovered"/> (commands wait until recovery is over).</summary>
    public sealed record GetRecovered;

    /// <summary>What the actor holds: events replayed or persisted since start, with their sequence numbers, and the snapshot offered.</summary>
    public sealed record Recovered(
        IReadOnlyList<(long SequenceNr, SubmissionEvent Event)> Events,
        MegapoolTrackingState? Snapshot,
        long SnapshotSequenceNr,
        long LastSequenceNr);
}
