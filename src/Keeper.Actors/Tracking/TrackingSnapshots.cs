using System.Collections.Immutable;
using System.Text.Json;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Snapshot payloads of the trackers' states: compact JSON written by hand (no reflection), versioned by manifest, so
/// a restarted node resumes its duties without reading the chain again.
/// </summary>
public static class TrackingSnapshots
{
    /// <summary>The manifest of a megapool tracker snapshot.</summary>
    public const string MegapoolManifest = "megapool-tracking/1";

    /// <summary>The manifest of a minipool tracker snapshot.</summary>
    public const string MinipoolManifest = "minipool-tracking/1";

    /// <summary>Serializes a megapool tracker's state.</summary>
    public static byte[] Serialize(MegapoolTrackingState state)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("megapool", state.Megapool.ToLowerHex());
            w.WriteNumber("asOf", state.AsOfBlock);
            w.WriteStartArray("validators");
            foreach (var (id, track) in state.Validators)
            {
                var i = track.Info;
                w.WriteStartObject();
                w.WriteNumber("id", id);
                w.WriteNumber("layout", (int)i.Layout);
                w.WriteStartArray("u32");
                foreach (var v in new[] { i.LastAssignmentTime, i.LastRequestedValue, i.LastRequestedBond, i.DepositValue })
                {
                    w.WriteNumberValue(v);
                }

                w.WriteEndArray();
                w.WriteStartArray("flags");
                foreach (var f in new[] { i.Staked, i.Exited, i.InQueue, i.InPrestake, i.ExpressUsed, i.Dissolved, i.Exiting, i.Locked })
                {
                    w.WriteBooleanValue(f);
                }

                w.WriteEndArray();
                w.WriteNumber("exitBalance", i.ExitBalance);
                WriteOptional(w, "lockedTime", i.LockedTime);
                WriteOptional(w, "validatorIndex", i.ValidatorIndex);
                WriteOptional(w, "infoWithdrawableEpoch", i.WithdrawableEpoch);
                WriteOptional(w, "lockedSlot", i.LockedSlot);
                if (track.Pubkey is { } pubkey)
                {
                    w.WriteString("pubkey", Hex.Encode(pubkey));
                }

                if (track.Beacon is { } beacon)
                {
                    BeaconSnapshots.Write(w, beacon);
                }

                if (track.ExitSeenAtSlot != 0)
                {
                    w.WriteNumber("exitSeenAtSlot", track.ExitSeenAtSlot);
                }

                if (track.FinalWithdrawal is { } withdrawal)
                {
                    BeaconSnapshots.Write(w, withdrawal);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a megapool tracker's state back.</summary>
    /// <exception cref="JsonException">The payload is not a snapshot of this version.</exception>
    public static MegapoolTrackingState DeserializeMegapool(ReadOnlySpan<byte> payload)
    {
        using var doc = JsonDocument.Parse(payload.ToArray());
        var root = doc.RootElement;
        var validators = ImmutableSortedDictionary.CreateBuilder<uint, ValidatorTrack>();
        foreach (var v in root.GetProperty("validators").EnumerateArray())
        {
            var u = v.GetProperty("u32").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
            var f = v.GetProperty("flags").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
            var info = new ValidatorInfo(u[0], u[1], u[2], u[3], f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7],
                v.GetProperty("exitBalance").GetUInt64(), (ValidatorInfoLayout)v.GetProperty("layout").GetInt32(),
                Optional(v, "lockedTime"), Optional(v, "validatorIndex"), Optional(v, "infoWithdrawableEpoch"), Optional(v, "lockedSlot"));
            var pubkey = v.TryGetProperty("pubkey", out var pk) ? Hex.Decode(pk.GetString()!) : null;
            // Payloads written before beacon records were kept hold only "withdrawableEpoch": it is left for the beacon
            // watcher, which tells every record again after a restart.
            validators[v.GetProperty("id").GetUInt32()] = new ValidatorTrack(info, pubkey, BeaconSnapshots.ReadBeacon(v), BeaconSnapshots.ReadWithdrawal(v), Optional(v, "exitSeenAtSlot") ?? 0);
        }

        return new MegapoolTrackingState(Address.Parse(root.GetProperty("megapool").GetString()!), validators.ToImmutable(), root.GetProperty("asOf").GetUInt64());
    }

    /// <summary>Serializes a minipool tracker's state.</summary>
    public static byte[] Serialize(MinipoolTrackingState state)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("minipool", state.State.Minipool.ToLowerHex());
            w.WriteString("node", state.State.Node.ToLowerHex());
            w.WriteNumber("status", (int)state.State.Status);
            w.WriteNumber("statusTime", state.State.StatusTime);
            w.WriteNumber("asOf", state.AsOfBlock);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a minipool tracker's state back.</summary>
    /// <exception cref="JsonException">The payload is not a snapshot of this version.</exception>
    public static MinipoolTrackingState DeserializeMinipool(ReadOnlySpan<byte> payload)
    {
        using var doc = JsonDocument.Parse(payload.ToArray());
        var r = doc.RootElement;
        var state = new MinipoolState(
            Address.Parse(r.GetProperty("minipool").GetString()!),
            Address.Parse(r.GetProperty("node").GetString()!),
            (MinipoolStatus)r.GetProperty("status").GetInt32(),
            r.GetProperty("statusTime").GetUInt64());
        return new MinipoolTrackingState(state, r.GetProperty("asOf").GetUInt64());
    }

    internal static void WriteOptional(Utf8JsonWriter w, string name, ulong? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    internal static ulong? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetUInt64() : null;
}
