using System.Text.Json;
using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;

namespace Keeper.Actors.Tracking;

/// <summary>
/// The beacon parts of a megapool tracker snapshot (<see cref="TrackingSnapshots"/>): optional objects, so payloads
/// without them, written before they existed, still read.
/// </summary>
internal static class BeaconSnapshots
{
    public static void Write(Utf8JsonWriter w, BeaconValidator v)
    {
        w.WriteStartObject("beacon");
        w.WriteNumber("index", v.Index);
        w.WriteString("pubkey", Hex.Encode(v.Pubkey.Bytes));
        w.WriteNumber("status", (int)v.Status);
        w.WriteString("statusName", v.StatusName);
        w.WriteNumber("balance", v.Balance);
        w.WriteNumber("effectiveBalance", v.EffectiveBalance);
        w.WriteBoolean("slashed", v.Slashed);
        w.WriteString("credentials", v.WithdrawalCredentials.ToString());
        TrackingSnapshots.WriteOptional(w, "activationEligibilityEpoch", v.ActivationEligibilityEpoch);
        TrackingSnapshots.WriteOptional(w, "activationEpoch", v.ActivationEpoch);
        TrackingSnapshots.WriteOptional(w, "exitEpoch", v.ExitEpoch);
        TrackingSnapshots.WriteOptional(w, "withdrawableEpoch", v.WithdrawableEpoch);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, WithdrawalLocation withdrawal)
    {
        w.WriteStartObject("finalWithdrawal");
        w.WriteNumber("slot", withdrawal.Slot);
        w.WriteNumber("position", withdrawal.Position);
        w.WriteNumber("amountGwei", withdrawal.AmountGwei);
        w.WriteEndObject();
    }

    public static BeaconValidator? ReadBeacon(JsonElement validator)
    {
        if (!validator.TryGetProperty("beacon", out var b))
        {
            return null;
        }

        return new BeaconValidator(
            b.GetProperty("index").GetUInt64(),
            new ValidatorPubkey(Hex.Decode(b.GetProperty("pubkey").GetString()!)),
            (BeaconValidatorStatus)b.GetProperty("status").GetInt32(),
            b.GetProperty("statusName").GetString()!,
            b.GetProperty("balance").GetUInt64(),
            b.GetProperty("effectiveBalance").GetUInt64(),
            b.GetProperty("slashed").GetBoolean(),
            Hash32.Parse(b.GetProperty("credentials").GetString()!),
            TrackingSnapshots.Optional(b, "activationEligibilityEpoch"),
            TrackingSnapshots.Optional(b, "activationEpoch"),
            TrackingSnapshots.Optional(b, "exitEpoch"),
            TrackingSnapshots.Optional(b, "withdrawableEpoch"));
    }

    public static WithdrawalLocation? ReadWithdrawal(JsonElement validator) =>
        validator.TryGetProperty("finalWithdrawal", out var f)
            ? new WithdrawalLocation(f.GetProperty("slot").GetUInt64(), f.GetProperty("position").GetInt32(), f.GetProperty("amountGwei").GetUInt64())
            : null;
}
