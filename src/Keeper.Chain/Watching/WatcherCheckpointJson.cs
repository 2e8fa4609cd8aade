using System.Text.Json;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>A versioned JSON form of <see cref="WatcherCheckpoint"/>, for storing it.</summary>
public static class WatcherCheckpointJson
{
    /// <summary>The manifest (format and version) of the payload.</summary>
    public const string Manifest = "watcher-checkpoint/1";

    /// <summary>Serializes a checkpoint.</summary>
    public static byte[] Serialize(WatcherCheckpoint checkpoint)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("managerValidatorCount", checkpoint.ManagerValidatorCount);
            w.WriteStartArray("blocks");
            foreach (var b in checkpoint.RecentBlocks)
            {
                w.WriteStartObject();
                w.WriteNumber("number", b.Number);
                w.WriteString("hash", b.Hash.ToString());
                w.WriteString("parentHash", b.ParentHash.ToString());
                w.WriteNumber("timestamp", b.Timestamp);
                if (b.BaseFeePerGas is { } fee)
                {
                    w.WriteString("baseFeePerGas", Hex.EncodeQuantity(fee));
                }

                w.WriteNumber("gasLimit", b.GasLimit);
                w.WriteNumber("gasUsed", b.GasUsed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("validators");
            foreach (var v in checkpoint.Validators)
            {
                w.WriteStringValue($"{v.Megapool.ToLowerHex()}:{v.ValidatorId}");
            }

            w.WriteEndArray();
            w.WriteStartArray("minipools");
            foreach (var m in checkpoint.Minipools)
            {
                w.WriteStringValue(m.ToLowerHex());
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a checkpoint back.</summary>
    /// <exception cref="JsonException">The payload is not a checkpoint of this version.</exception>
    public static WatcherCheckpoint Deserialize(ReadOnlySpan<byte> payload)
    {
        using var doc = JsonDocument.Parse(payload.ToArray());
        var root = doc.RootElement;
        var blocks = root.GetProperty("blocks").EnumerateArray().Select(b => new BlockHeader(
            b.GetProperty("number").GetUInt64(),
            Hash32.Parse(b.GetProperty("hash").GetString()!),
            Hash32.Parse(b.GetProperty("parentHash").GetString()!),
            b.GetProperty("timestamp").GetUInt64(),
            b.TryGetProperty("baseFeePerGas", out var fee) ? Hex.DecodeQuantity(fee.GetString()!) : null,
            b.GetProperty("gasLimit").GetUInt64(),
            b.GetProperty("gasUsed").GetUInt64())).ToArray();
        var validators = root.GetProperty("validators").EnumerateArray().Select(v =>
        {
            var parts = v.GetString()!.Split(':');
            return new ValidatorKey(Address.Parse(parts[0]), uint.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }).ToArray();
        var minipools = root.GetProperty("minipools").EnumerateArray().Select(m => Address.Parse(m.GetString()!)).ToArray();
        return new WatcherCheckpoint(blocks, root.GetProperty("managerValidatorCount").GetUInt64(), validators, minipools);
    }
}
