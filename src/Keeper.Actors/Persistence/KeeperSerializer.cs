using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Keeper.Actors.Cluster;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Watching;

namespace Keeper.Actors.Persistence;

/// <summary>
/// Akka serializer of everything Keeper stores through Akka.Persistence: the submitter's <see cref="SubmissionEvent"/>s,
/// the trackers' snapshots and the chain watcher's checkpoint; and of the one message keeper members send each other,
/// the <see cref="MemberHeartbeat"/>. Each format keeps the manifest its own serializer
/// defines (<c>submission.created.v1</c>, <c>megapool-tracking/1</c>, <c>watcher-checkpoint/1</c>, ...), never a CLR
/// type name, so renaming or moving a type never breaks recovery; a new format gets a new manifest and the old one stays
/// readable.
/// </summary>
/// <remarks>
/// Without this serializer Akka falls back to its Newtonsoft serializer, which stores type and assembly names. Add
/// <see cref="Configuration"/> to the actor system's configuration so the bindings take effect.
/// </remarks>
public sealed class KeeperSerializer : SerializerWithStringManifest
{
    /// <summary>
    /// The serializer identifier stored with every row (Akka reserves 0-100 for itself). Never change it: rows written
    /// under another identifier are no longer readable.
    /// </summary>
    public const int Id = 4711;

    /// <summary>The HOCON that registers this serializer and binds Keeper's stored types to it.</summary>
    public const string Hocon = """
        akka.actor {
          serializers {
            keeper = "Keeper.Actors.Persistence.KeeperSerializer, Keeper.Actors"
          }
          serialization-bindings {
            "Keeper.Actors.Submission.SubmissionEvent, Keeper.Actors" = keeper
            "Keeper.Actors.Tracking.MegapoolTrackingState, Keeper.Actors" = keeper
            "Keeper.Actors.Tracking.MinipoolTrackingState, Keeper.Actors" = keeper
            "Keeper.Chain.Watching.WatcherCheckpoint, Keeper.Chain" = keeper
            "Keeper.Actors.Cluster.MemberHeartbeat, Keeper.Actors" = keeper
          }
          serialization-identifiers {
            "Keeper.Actors.Persistence.KeeperSerializer, Keeper.Actors" = 4711
          }
        }
        """;

    /// <summary>Every manifest this build reads, in the order they are listed in error messages.</summary>
    public static readonly IReadOnlyList<string> KnownManifests =
    [
        SubmissionEventSerializer.CreatedManifest,
        SubmissionEventSerializer.SentManifest,
        SubmissionEventSerializer.ReplacedManifest,
        SubmissionEventSerializer.MinedManifest,
        SubmissionEventSerializer.ReorgedManifest,
        SubmissionEventSerializer.DroppedManifest,
        TrackingSnapshots.MegapoolManifest,
        TrackingSnapshots.MinipoolManifest,
        WatcherCheckpointJson.Manifest,
        HeartbeatManifest,
    ];

    /// <summary>The manifest of a <see cref="MemberHeartbeat"/>: <c>{"node":"akka.tcp://keeper@host:port"}</c>.</summary>
    public const string HeartbeatManifest = "member-heartbeat/1";

    /// <summary>Creates the serializer; Akka calls this with the actor system that loads it.</summary>
    public KeeperSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary><see cref="Hocon"/> parsed, to put in front of the rest of the actor system's configuration.</summary>
    public static Config Configuration { get; } = ConfigurationFactory.ParseString(Hocon);

    /// <summary>Always <see cref="Id"/>, whatever the configuration says: the identifier is part of every stored row.</summary>
    public override int Identifier => Id;

    /// <summary>The stable manifest of <paramref name="o"/>'s format.</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is not a type this serializer writes.</exception>
    public override string Manifest(object o) => o switch
    {
        SubmissionEvent e => SubmissionEventSerializer.ManifestOf(e),
        MegapoolTrackingState => TrackingSnapshots.MegapoolManifest,
        MinipoolTrackingState => TrackingSnapshots.MinipoolManifest,
        WatcherCheckpoint => WatcherCheckpointJson.Manifest,
        MemberHeartbeat => HeartbeatManifest,
        _ => throw NotOurs(o),
    };

    /// <summary>Writes <paramref name="obj"/> in the format of its manifest.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a type this serializer writes.</exception>
    public override byte[] ToBinary(object obj) => obj switch
    {
        SubmissionEvent e => SubmissionEventSerializer.Serialize(e),
        MegapoolTrackingState s => TrackingSnapshots.Serialize(s),
        MinipoolTrackingState s => TrackingSnapshots.Serialize(s),
        WatcherCheckpoint c => WatcherCheckpointJson.Serialize(c),
        MemberHeartbeat h => JsonSerializer.SerializeToUtf8Bytes(new HeartbeatJson(h.Node)),
        _ => throw NotOurs(obj),
    };

    /// <summary>Reads a payload written under <paramref name="manifest"/>.</summary>
    /// <exception cref="SerializationException">
    /// The manifest is not one this build reads (the message lists those it does), or the payload is malformed (the
    /// message names the manifest; the inner exception says what is wrong).
    /// </exception>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(manifest);
        try
        {
            return manifest switch
            {
                SubmissionEventSerializer.CreatedManifest
                    or SubmissionEventSerializer.SentManifest
                    or SubmissionEventSerializer.ReplacedManifest
                    or SubmissionEventSerializer.MinedManifest
                    or SubmissionEventSerializer.ReorgedManifest
                    or SubmissionEventSerializer.DroppedManifest => SubmissionEventSerializer.Deserialize(manifest, bytes),
                TrackingSnapshots.MegapoolManifest => TrackingSnapshots.DeserializeMegapool(bytes),
                TrackingSnapshots.MinipoolManifest => TrackingSnapshots.DeserializeMinipool(bytes),
                WatcherCheckpointJson.Manifest => WatcherCheckpointJson.Deserialize(bytes),
                HeartbeatManifest => new MemberHeartbeat(JsonSerializer.Deserialize<HeartbeatJson>(bytes)?.Node
                    ?? throw new FormatException("the heartbeat names no node")),
                _ => throw new SerializationException(
                    $"KeeperSerializer (id {Id}) cannot read manifest '{manifest}': this build reads {string.Join(", ", KnownManifests)}. " +
                    "The store was probably written by a newer Keeper; run that version or a newer one."),
            };
        }
        catch (Exception e) when (e is SubmissionJournalException or JsonException or KeyNotFoundException or InvalidOperationException
            or FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new SerializationException($"KeeperSerializer (id {Id}) cannot read a malformed '{manifest}' payload of {bytes.Length} bytes: {e.Message}", e);
        }
    }

    private sealed record HeartbeatJson([property: System.Text.Json.Serialization.JsonPropertyName("node")] string Node);

    private static ArgumentException NotOurs(object? o) =>
        new($"KeeperSerializer does not write {o?.GetType().FullName ?? "null"}; bind only the types listed in {nameof(KeeperSerializer)}.{nameof(Hocon)}.", nameof(o));
}
