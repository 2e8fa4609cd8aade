using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Keeper.Actors.Cluster;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Watching;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>
/// <see cref="KeeperSerializer"/> inside a real actor system configured with <see cref="KeeperSerializer.Hocon"/>
/// alone: every lookup goes through Akka's bindings, so a wrong type name in the HOCON fails here.
/// </summary>
public sealed class KeeperSerializerTests() : Akka.TestKit.Xunit2.TestKit(KeeperSerializer.Configuration, nameof(KeeperSerializerTests))
{
    /// <summary>Every stored type with the manifest it must be stored under, forever.</summary>
    public static TheoryData<string, string> GoldenManifests => new()
    {
        { nameof(TransactionCreated), "submission.created.v1" },
        { nameof(TransactionSent), "submission.sent.v1" },
        { nameof(TransactionReplaced), "submission.replaced.v1" },
        { nameof(TransactionMined), "submission.mined.v1" },
        { nameof(TransactionReorged), "submission.reorged.v1" },
        { nameof(TransactionDropped), "submission.dropped.v1" },
        { nameof(MegapoolTrackingState), "megapool-tracking/1" },
        { nameof(MinipoolTrackingState), "minipool-tracking/1" },
        { nameof(WatcherCheckpoint), "watcher-checkpoint/1" },
        { nameof(MemberHeartbeat), "member-heartbeat/1" },
    };

    [Theory]
    [MemberData(nameof(GoldenManifests))]
    public void FindSerializerFor_EachStoredType_KeeperSerializerWithTheStableManifest(string type, string manifest)
    {
        var sample = Samples().Single(s => s.GetType().Name == type);

        var serializer = Sys.Serialization.FindSerializerFor(sample);

        var keeper = Assert.IsType<KeeperSerializer>(serializer);
        Assert.Equal(4711, keeper.Identifier);
        Assert.Equal(manifest, keeper.Manifest(sample));
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, sample));
    }

    [Fact]
    public void RoundTrip_EveryStoredTypeThroughTheBoundSerializer_ReadsBackEqual()
    {
        foreach (var sample in Samples())
        {
            var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(sample);
            var bytes = serializer.ToBinary(sample);

            // By identifier and manifest, as the journal reads a row back.
            var back = Sys.Serialization.Deserialize(bytes, KeeperSerializer.Id, serializer.Manifest(sample));

            Assert.Equal(sample.GetType(), back.GetType());
            Assert.Equal(Payload(sample), Payload(back));
            if (sample is SubmissionEvent)
            {
                Assert.Equal(sample, back);
            }
        }
    }

    [Fact]
    public void ToBinary_DelegatesToTheExistingFormats_ByteForByte()
    {
        var serializer = Sys.Serialization.FindSerializerFor(StoredSamples.Megapool());

        foreach (var e in StoredSamples.LifeOfNonce(7))
        {
            Assert.Equal(SubmissionEventSerializer.Serialize(e), serializer.ToBinary(e));
        }

        Assert.Equal(TrackingSnapshots.Serialize(StoredSamples.Megapool()), serializer.ToBinary(StoredSamples.Megapool()));
        Assert.Equal(TrackingSnapshots.Serialize(StoredSamples.Minipool()), serializer.ToBinary(StoredSamples.Minipool()));
        Assert.Equal(WatcherCheckpointJson.Serialize(StoredSamples.Checkpoint()), serializer.ToBinary(StoredSamples.Checkpoint()));
    }

    [Fact]
    public void MemberHeartbeat_BetweenNodesOfDifferentBuilds_GoldenPayloadBothWays()
    {
        var heartbeat = new MemberHeartbeat("akka.tcp://keeper@127.0.0.1:4053");
        var serializer = Sys.Serialization.FindSerializerFor(heartbeat);
        const string Golden = "{\"node\":\"akka.tcp://keeper@127.0.0.1:4053\"}";

        Assert.Equal(Golden, Encoding.UTF8.GetString(serializer.ToBinary(heartbeat)));
        Assert.Equal(heartbeat, Sys.Serialization.Deserialize(Encoding.UTF8.GetBytes(Golden), KeeperSerializer.Id, KeeperSerializer.HeartbeatManifest));
    }

    [Fact]
    public void ToBinary_GoldenPayloads_Unchanged()
    {
        var serializer = Sys.Serialization.FindSerializerFor(StoredSamples.Minipool());

        Assert.Equal(
            "{\"nonce\":7,\"hash\":\"0x4242424242424242424242424242424242424242424242424242424242424242\"}",
            Encoding.UTF8.GetString(serializer.ToBinary(new TransactionSent(7, StoredSamples.Filled(0x42)))));
        Assert.Equal(
            "{\"minipool\":\"0x00000000000000000000000000000000000000b2\",\"node\":\"0x00000000000000000000000000000000000000c3\",\"status\":1,\"statusTime\":1750000000,\"asOf\":42}",
            Encoding.UTF8.GetString(serializer.ToBinary(StoredSamples.Minipool())));
        Assert.Equal(
            "{\"managerValidatorCount\":5,\"blocks\":[" +
            "{\"number\":100,\"hash\":\"0x0101010101010101010101010101010101010101010101010101010101010101\",\"parentHash\":\"0x0000000000000000000000000000000000000000000000000000000000000000\",\"timestamp\":1750000000,\"baseFeePerGas\":\"0x7\",\"gasLimit\":30000000,\"gasUsed\":12000000}," +
            "{\"number\":101,\"hash\":\"0x0202020202020202020202020202020202020202020202020202020202020202\",\"parentHash\":\"0x0101010101010101010101010101010101010101010101010101010101010101\",\"timestamp\":1750000012,\"gasLimit\":30000000,\"gasUsed\":0}]," +
            "\"validators\":[\"0x00000000000000000000000000000000000000a1:0\",\"0x00000000000000000000000000000000000000a1:3\"]," +
            "\"minipools\":[\"0x00000000000000000000000000000000000000b2\"]}",
            Encoding.UTF8.GetString(serializer.ToBinary(StoredSamples.Checkpoint())));
    }

    [Fact]
    public void Identifier_ConfiguredAndCoded_Agree()
    {
        Assert.Equal(
            KeeperSerializer.Id,
            KeeperSerializer.Configuration.GetInt("akka.actor.serialization-identifiers.\"Keeper.Actors.Persistence.KeeperSerializer, Keeper.Actors\""));
        Assert.IsType<KeeperSerializer>(Sys.Serialization.FindSerializerForType(typeof(TransactionCreated)));
    }

    [Fact]
    public void FromBinary_UnknownManifest_SerializationExceptionListsWhatThisBuildReads()
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize("{\"nonce\":1}"u8.ToArray(), KeeperSerializer.Id, "submission.created.v2"));

        Assert.Contains("'submission.created.v2'", error.Message, StringComparison.Ordinal);
        foreach (var manifest in KeeperSerializer.KnownManifests)
        {
            Assert.Contains(manifest, error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("newer Keeper", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("submission.sent.v1", "{\"nonce\":1}")]
    [InlineData("megapool-tracking/1", "{\"megapool\":\"0x00\"}")]
    [InlineData("minipool-tracking/1", "not json")]
    [InlineData("watcher-checkpoint/1", "{}")]
    [InlineData("member-heartbeat/1", "{}")]
    public void FromBinary_MalformedPayload_SerializationExceptionNamesTheManifest(string manifest, string payload)
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(Encoding.UTF8.GetBytes(payload), KeeperSerializer.Id, manifest));

        Assert.Contains($"'{manifest}'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void ToBinary_TypeItDoesNotWrite_Refused()
    {
        var serializer = new KeeperSerializer((ExtendedActorSystem)Sys);

        var error = Assert.Throws<ArgumentException>(() => serializer.ToBinary("a string"));

        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<object> Samples() =>
        [.. StoredSamples.LifeOfNonce(7), StoredSamples.Megapool(), StoredSamples.Minipool(), StoredSamples.Checkpoint(), new MemberHeartbeat("akka.tcp://keeper@127.0.0.1:4053")];

    /// <summary>The stored form, for types whose records compare collections by reference.</summary>
    private static byte[] Payload(object value) => value switch
    {
        SubmissionEvent e => SubmissionEventSerializer.Serialize(e),
        MegapoolTrackingState s => TrackingSnapshots.Serialize(s),
        MinipoolTrackingState s => TrackingSnapshots.Serialize(s),
        WatcherCheckpoint c => WatcherCheckpointJson.Serialize(c),
        MemberHeartbeat h => Encoding.UTF8.GetBytes(h.Node),
        _ => throw new ArgumentException($"not a stored type: {value.GetType()}", nameof(value)),
    };
}
