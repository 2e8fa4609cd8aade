using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Actors.Submission;

/// <summary>
/// Writes and reads <see cref="SubmissionEvent"/>s as small JSON payloads, one manifest per event type and version
/// (<c>submission.created.v1</c>, ...). Hand-written with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>
/// (no reflection), so the format changes only when this file does; a new format gets a new manifest and the old one
/// stays readable. A field added later is optional within its manifest (absent in older events, ignored by older
/// readers), so both directions of an upgrade read the journal. Wei amounts are decimal strings (they exceed 2^64),
/// bytes and hashes 0x-hex.
/// </summary>
public static class SubmissionEventSerializer
{
    /// <summary>The manifest of <see cref="TransactionCreated"/>.</summary>
    public const string CreatedManifest = "submission.created.v1";

    /// <summary>The manifest of <see cref="TransactionSent"/>.</summary>
    public const string SentManifest = "submission.sent.v1";

    /// <summary>The manifest of <see cref="TransactionReplaced"/>.</summary>
    public const string ReplacedManifest = "submission.replaced.v1";

    /// <summary>The manifest of <see cref="TransactionMined"/>.</summary>
    public const string MinedManifest = "submission.mined.v1";

    /// <summary>The manifest of <see cref="TransactionReorged"/>.</summary>
    public const string ReorgedManifest = "submission.reorged.v1";

    /// <summary>The manifest of <see cref="TransactionDropped"/>.</summary>
    public const string DroppedManifest = "submission.dropped.v1";

    /// <summary>The manifest for <paramref name="event"/>'s type.</summary>
    public static string ManifestOf(SubmissionEvent @event) => @event switch
    {
        TransactionCreated => CreatedManifest,
        TransactionSent => SentManifest,
        TransactionReplaced => ReplacedManifest,
        TransactionMined => MinedManifest,
        TransactionReorged => ReorgedManifest,
        TransactionDropped => DroppedManifest,
        null => throw new ArgumentNullException(nameof(@event)),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not a submission event the serializer knows.", nameof(@event)),
    };

    /// <summary>Serializes <paramref name="event"/> to its JSON payload.</summary>
    public static byte[] Serialize(SubmissionEvent @event)
    {
        var manifest = ManifestOf(@event);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("nonce", @event.Nonce);
            switch (@event)
            {
                case TransactionCreated created:
                    if (created.TaskKey is null)
                    {
                        writer.WriteNull("task");
                    }
                    else
                    {
                        writer.WriteString("task", created.TaskKey);
                    }

                    WriteVersion(writer, created.Version);
                    break;
                case TransactionSent sent:
                    writer.WriteString("hash", sent.Hash.ToString());
                    // Optional: events written before it was recorded have none, and still read as v1.
                    if (sent.At is { } at)
                    {
                        writer.WriteNumber("at", at.ToUnixTimeMilliseconds());
                    }

                    break;
                case TransactionReplaced replaced:
                    WriteVersion(writer, replaced.Version);
                    break;
                case TransactionMined mined:
                    writer.WriteString("hash", mined.Hash.ToString());
                    writer.WriteNumber("block", mined.Block);
                    writer.WriteString("blockHash", mined.BlockHash.ToString());
                    writer.WriteBoolean("succeeded", mined.Succeeded);
                    writer.WriteNumber("gasUsed", mined.GasUsed);
                    writer.WriteString("fee", Wei(mined.Fee));
                    break;
                case TransactionReorged reorged:
                    writer.WriteString("hash", reorged.Hash.ToString());
                    writer.WriteNumber("block", reorged.Block);
                    break;
                case TransactionDropped dropped:
                    writer.WriteString("reason", dropped.Reason);
                    writer.WriteBoolean("nonceReleased", dropped.NonceReleased);
                    break;
                default:
                    throw new ArgumentException($"No writer for manifest {manifest}.", nameof(@event));
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an event written by <see cref="Serialize"/>.</summary>
    /// <exception cref="SubmissionJournalException">The manifest is unknown or the payload is malformed; the message says which field.</exception>
    public static SubmissionEvent Deserialize(string manifest, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            var nonce = root.GetProperty("nonce").GetUInt64();
            return manifest switch
            {
                CreatedManifest => new TransactionCreated(
                    root.GetProperty("task").ValueKind == JsonValueKind.Null ? null : root.GetProperty("task").GetString(), nonce, ReadVersion(root)),
                SentManifest => new TransactionSent(
                    nonce,
                    Hash32.Parse(root.GetProperty("hash").GetString()!),
                    root.TryGetProperty("at", out var at) ? DateTimeOffset.FromUnixTimeMilliseconds(at.GetInt64()) : null),
                ReplacedManifest => new TransactionReplaced(nonce, ReadVersion(root)),
                MinedManifest => new TransactionMined(
                    nonce,
                    Hash32.Parse(root.GetProperty("hash").GetString()!),
                    root.GetProperty("block").GetUInt64(),
                    Hash32.Parse(root.GetProperty("blockHash").GetString()!),
                    root.GetProperty("succeeded").GetBoolean(),
                    root.GetProperty("gasUsed").GetUInt64(),
                    ReadWei(root, "fee")),
                ReorgedManifest => new TransactionReorged(nonce, Hash32.Parse(root.GetProperty("hash").GetString()!), root.GetProperty("block").GetUInt64()),
                DroppedManifest => new TransactionDropped(nonce, root.GetProperty("reason").GetString()!, root.GetProperty("nonceReleased").GetBoolean()),
                _ => throw new SubmissionJournalException(
                    $"Unknown submission event manifest '{manifest}'. The journal was written by a newer Keeper; run that version or a newer one."),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new SubmissionJournalException($"Malformed submission event ({manifest}): {e.Message}", e);
        }
    }

    private static void WriteVersion(Utf8JsonWriter writer, TransactionVersion version)
    {
        writer.WriteString("hash", version.Hash.ToString());
        writer.WriteString("raw", Hex.Encode(version.Raw));
        writer.WriteString("to", version.To.ToLowerHex());
        writer.WriteString("data", Hex.Encode(version.Data));
        writer.WriteNumber("gas", version.GasLimit);
        writer.WriteString("maxFeePerGas", Wei(version.MaxFeePerGas));
        writer.WriteString("maxPriorityFeePerGas", Wei(version.MaxPriorityFeePerGas));
        writer.WriteBoolean("cancel", version.IsCancellation);
    }

    private static TransactionVersion ReadVersion(JsonElement root)
    {
        var hash = Hash32.Parse(root.GetProperty("hash").GetString()!);
        var raw = Hex.Decode(root.GetProperty("raw").GetString()!);
        // The raw bytes are what gets re-broadcast: refuse a payload whose hash does not match them.
        if (new Hash32(Sha3Keccack.Current.CalculateHash(raw)) != hash)
        {
            throw new FormatException($"the raw transaction does not hash to {hash}");
        }

        return new TransactionVersion(
            hash,
            raw,
            Address.Parse(root.GetProperty("to").GetString()!),
            Hex.Decode(root.GetProperty("data").GetString()!),
            root.GetProperty("gas").GetUInt64(),
            ReadWei(root, "maxFeePerGas"),
            ReadWei(root, "maxPriorityFeePerGas"),
            root.GetProperty("cancel").GetBoolean());
    }

    private static string Wei(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static BigInteger ReadWei(JsonElement root, string name)
    {
        var text = root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
        return BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} '{text}' is not a decimal amount of wei");
    }
}
