using System.Numerics;
using System.Text;
using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class SubmissionEventSerializerTests
{
    [Fact]
    public void RoundTrip_EveryEventTypeWithSeededValues_ReadsBackEqual()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            foreach (var original in Events(random))
            {
                var manifest = SubmissionEventSerializer.ManifestOf(original);
                var read = SubmissionEventSerializer.Deserialize(manifest, SubmissionEventSerializer.Serialize(original));
                Assert.Equal(original, read);
            }
        }
    }

    [Fact]
    public void Serialize_Created_KnownJsonLayout()
    {
        var version = Version(new Random(1), cancellation: false) with { MaxFeePerGas = BigInteger.Parse("300000000000000000000") };
        var json = Encoding.UTF8.GetString(SubmissionEventSerializer.Serialize(new TransactionCreated(null, 7, version)));

        Assert.StartsWith("{\"nonce\":7,\"task\":null,\"hash\":\"0x", json, StringComparison.Ordinal);
        Assert.Contains("\"maxFeePerGas\":\"300000000000000000000\"", json, StringComparison.Ordinal);
        Assert.Equal("submission.created.v1", SubmissionEventSerializer.ManifestOf(new TransactionCreated(null, 7, version)));
    }

    [Fact]
    public void Deserialize_UnknownManifest_SaysANewerKeeperWroteIt()
    {
        var error = Assert.Throws<SubmissionJournalException>(() => SubmissionEventSerializer.Deserialize("submission.created.v9", "{\"nonce\":1}"u8));

        Assert.Contains("submission.created.v9", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer Keeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RawDoesNotMatchHash_Refused()
    {
        var version = Version(new Random(2), cancellation: false);
        var tampered = version with { Raw = [.. version.Raw, 0x00] };

        var error = Assert.Throws<SubmissionJournalException>(() =>
            SubmissionEventSerializer.Deserialize(SubmissionEventSerializer.ReplacedManifest, SubmissionEventSerializer.Serialize(new TransactionReplaced(1, tampered))));

        Assert.Contains("does not hash to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MissingField_NamesTheManifest()
    {
        var error = Assert.Throws<SubmissionJournalException>(() => SubmissionEventSerializer.Deserialize(SubmissionEventSerializer.SentManifest, "{\"nonce\":1}"u8));

        Assert.Contains(SubmissionEventSerializer.SentManifest, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SentWithoutTime_ReadsAsJournaledBeforeTimesWereRecorded()
    {
        // The payload an earlier Keeper wrote for submission.sent.v1: no "at".
        var payload = "{\"nonce\":7,\"hash\":\"0x1111111111111111111111111111111111111111111111111111111111111111\"}"u8;

        var sent = Assert.IsType<TransactionSent>(SubmissionEventSerializer.Deserialize(SubmissionEventSerializer.SentManifest, payload));

        Assert.Equal(7UL, sent.Nonce);
        Assert.Null(sent.At);
    }

    [Fact]
    public void Serialize_SentWithTime_WritesMillisecondsUnderTheSameManifest()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_123);
        var sent = new TransactionSent(7, new Hash32(Enumerable.Repeat((byte)0x11, 32).ToArray()), at);

        var json = System.Text.Encoding.UTF8.GetString(SubmissionEventSerializer.Serialize(sent));

        Assert.Equal(SubmissionEventSerializer.SentManifest, SubmissionEventSerializer.ManifestOf(sent));
        Assert.Equal("{\"nonce\":7,\"hash\":\"0x1111111111111111111111111111111111111111111111111111111111111111\",\"at\":1796000000123}", json);
        Assert.Equal(at, ((TransactionSent)SubmissionEventSerializer.Deserialize(SubmissionEventSerializer.SentManifest, Utf8(json))).At);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static IEnumerable<SubmissionEvent> Events(Random random)
    {
        var nonce = (ulong)random.NextInt64(0, long.MaxValue);
        yield return new TransactionCreated(random.Next(2) == 0 ? null : $"dissolve:megapool:0x{random.Next():x8}:{random.Next()}", nonce, Version(random, false));
        yield return new TransactionSent(nonce, Hash(random));
        yield return new TransactionSent(nonce, Hash(random), DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(0, 253_402_300_799_000)));
        yield return new TransactionReplaced(nonce, Version(random, random.Next(2) == 0));
        yield return new TransactionMined(nonce, Hash(random), (ulong)random.NextInt64(), Hash(random), random.Next(2) == 0, (ulong)random.NextInt64(), Wei(random));
        yield return new TransactionReorged(nonce, Hash(random), (ulong)random.NextInt64());
        yield return new TransactionDropped(nonce, $"reason \"{random.Next()}\" \u00e9\n", random.Next(2) == 0);
    }

    private static TransactionVersion Version(Random random, bool cancellation)
    {
        var raw = Bytes(random, random.Next(1, 300));
        var data = Bytes(random, random.Next(0, 100));
        return new TransactionVersion(new Hash32(Sha3Keccack.Current.CalculateHash(raw)), raw, new Address(Bytes(random, 20)), data, (ulong)random.NextInt64(), Wei(random), Wei(random), cancellation);
    }

    private static Hash32 Hash(Random random) => new(Bytes(random, 32));

    private static BigInteger Wei(Random random) => new(Bytes(random, random.Next(1, 32)), isUnsigned: true, isBigEndian: true);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
