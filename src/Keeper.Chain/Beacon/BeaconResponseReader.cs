using System.Text.Json;
using static Keeper.Chain.Beacon.BeaconJson;

namespace Keeper.Chain.Beacon;

/// <summary>
/// Reads the beacon API answers the client uses (shapes per ethereum/beacon-APIs) into typed values, strictly: any
/// missing field, wrong type or impossible value is a malformed answer naming the field.
/// </summary>
internal static class BeaconResponseReader
{
    /// <summary>The spec keys the client reads.</summary>
    public const string SecondsPerSlotKey = "SECONDS_PER_SLOT";

    /// <summary>The spec key for the epoch size.</summary>
    public const string SlotsPerEpochKey = "SLOTS_PER_EPOCH";

    /// <summary>The spec key of the Capella fork epoch, optional (historical withdrawal proofs number periods from it).</summary>
    public const string CapellaForkEpochKey = "CAPELLA_FORK_EPOCH";

    /// <summary>Newer specs may give the slot length in milliseconds instead.</summary>
    public const string SlotDurationMsKey = "SLOT_DURATION_MS";

    private static readonly Dictionary<string, BeaconValidatorStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["pending_initialized"] = BeaconValidatorStatus.PendingInitialized,
        ["pending_minBalance"] = BeaconValidatorStatus.PendingInitialized,
        ["pending_queued"] = BeaconValidatorStatus.PendingQueued,
        ["pending_lookahead"] = BeaconValidatorStatus.PendingQueued,
        ["active_ongoing"] = BeaconValidatorStatus.ActiveOngoing,
        ["active_exiting"] = BeaconValidatorStatus.ActiveExiting,
        ["active_slashed"] = BeaconValidatorStatus.ActiveSlashed,
        ["exited_unslashed"] = BeaconValidatorStatus.ExitedUnslashed,
        ["exited_slashed"] = BeaconValidatorStatus.ExitedSlashed,
        ["withdrawal_possible"] = BeaconValidatorStatus.WithdrawalPossible,
        ["withdrawal_done"] = BeaconValidatorStatus.WithdrawalDone,
    };

    /// <summary>Reads <c>GET /eth/v1/beacon/genesis</c>.</summary>
    public static BeaconGenesis ReadGenesis(JsonElement root)
    {
        var data = Object(RequireObject(root, "$"), "data", string.Empty);
        return new BeaconGenesis(
            UInt64(data, "genesis_time", "data"),
            Root(data, "genesis_validators_root", "data"),
            ForkVersion(data, "genesis_fork_version", "data"));
    }

    /// <summary>
    /// Reads <c>GET /eth/v1/config/spec</c>. A timing key the node leaves out takes its
    /// <see cref="BeaconSpec.MainnetDefaults"/> value and is listed in <paramref name="defaulted"/>; a key that is
    /// present must be a positive decimal string.
    /// </summary>
    public static BeaconSpec ReadSpec(JsonElement root, out IReadOnlyList<string> defaulted)
    {
        var data = Object(RequireObject(root, "$"), "data", string.Empty);
        var missing = new List<string>();
        var secondsPerSlot = ReadSecondsPerSlot(data, missing);
        var slotsPerEpoch = PositiveOrDefault(data, SlotsPerEpochKey, BeaconSpec.MainnetDefaults.SlotsPerEpoch, missing);
        if (Math.BigMul(secondsPerSlot, slotsPerEpoch, out _) != 0)
        {
            throw BeaconAttemptException.Malformed(Join("data", SlotsPerEpochKey), $"times {SecondsPerSlotKey} does not fit in 64 bits");
        }

        defaulted = missing;
        ulong? capellaForkEpoch = data.TryGetProperty(CapellaForkEpochKey, out _) ? UInt64(data, CapellaForkEpochKey, "data") : null;
        return new BeaconSpec(secondsPerSlot, slotsPerEpoch, capellaForkEpoch);
    }

    /// <summary>Reads <c>GET /eth/v1/beacon/headers/{block_id}</c>.</summary>
    public static BeaconHeader ReadHeader(JsonElement root)
    {
        root = RequireObject(root, "$");
        var data = Object(root, "data", string.Empty);
        var message = Object(Object(data, "header", "data"), "message", "data.header");
        const string MessagePath = "data.header.message";
        return new BeaconHeader(
            Root(data, "root", "data"),
            UInt64(message, "slot", MessagePath),
            UInt64(message, "proposer_index", MessagePath),
            Root(message, "parent_root", MessagePath),
            Root(message, "state_root", MessagePath),
            Root(message, "body_root", MessagePath),
            Boolean(data, "canonical", "data"),
            OptionalBoolean(root, "execution_optimistic", string.Empty) ?? false,
            OptionalBoolean(root, "finalized", string.Empty));
    }

    /// <summary>
    /// Reads <c>/eth/v1/beacon/states/{state_id}/validators</c> into <paramref name="into"/>. Every validator must be
    /// one of <paramref name="requested"/> and appear once; the node leaves out the ones it does not know.
    /// Returns <paramref name="into"/>.
    /// </summary>
    public static Dictionary<ValidatorPubkey, BeaconValidator> ReadValidators(
        JsonElement root, IReadOnlySet<ValidatorPubkey> requested, Dictionary<ValidatorPubkey, BeaconValidator> into)
    {
        var data = Array(RequireObject(root, "$"), "data", string.Empty);
        var seen = new HashSet<ValidatorPubkey>();
        var index = 0;
        foreach (var element in data.EnumerateArray())
        {
            var path = Index("data", index++);
            var validator = ReadValidator(RequireObject(element, path), path);
            if (!requested.Contains(validator.Pubkey))
            {
                throw BeaconAttemptException.Malformed(Join(Join(path, "validator"), "pubkey"), $"is {validator.Pubkey}, which was not asked for");
            }

            if (!seen.Add(validator.Pubkey))
            {
                throw BeaconAttemptException.Malformed(Join(Join(path, "validator"), "pubkey"), $"repeats {validator.Pubkey}, already answered");
            }

            into[validator.Pubkey] = validator;
        }

        return into;
    }

    /// <summary>Reads one <c>ValidatorResponse</c> object found at <paramref name="path"/>.</summary>
    public static BeaconValidator ReadValidator(JsonElement element, string path)
    {
        var statusName = String(element, "status", path);
        var inner = Object(element, "validator", path);
        var innerPath = Join(path, "validator");
        var validator = new BeaconValidator(
            UInt64(element, "index", path),
            Pubkey(inner, "pubkey", innerPath),
            Statuses.GetValueOrDefault(statusName, BeaconValidatorStatus.Unknown),
            statusName,
            UInt64(element, "balance", path),
            UInt64(inner, "effective_balance", innerPath),
            Boolean(inner, "slashed", innerPath),
            Root(inner, "withdrawal_credentials", innerPath),
            Epoch(inner, "activation_eligibility_epoch", innerPath),
            Epoch(inner, "activation_epoch", innerPath),
            Epoch(inner, "exit_epoch", innerPath),
            Epoch(inner, "withdrawable_epoch", innerPath));

        // initiate_validator_exit sets both epochs together, withdrawable after exit: anything else is a broken node,
        // and an exit-report deadline must never be computed from it.
        if (validator.ExitEpoch is null != validator.WithdrawableEpoch is null)
        {
            throw BeaconAttemptException.Malformed(
                Join(innerPath, "withdrawable_epoch"),
                $"is {Show(validator.WithdrawableEpoch)} while exit_epoch is {Show(validator.ExitEpoch)}: the chain sets both or neither");
        }

        if (validator.WithdrawableEpoch < validator.ExitEpoch)
        {
            throw BeaconAttemptException.Malformed(
                Join(innerPath, "withdrawable_epoch"), $"is {validator.WithdrawableEpoch}, before exit_epoch {validator.ExitEpoch}");
        }

        return validator;
    }

    private static ulong ReadSecondsPerSlot(JsonElement data, List<string> missing)
    {
        if (data.TryGetProperty(SecondsPerSlotKey, out _) || !data.TryGetProperty(SlotDurationMsKey, out _))
        {
            return PositiveOrDefault(data, SecondsPerSlotKey, BeaconSpec.MainnetDefaults.SecondsPerSlot, missing);
        }

        var milliseconds = PositiveOrDefault(data, SlotDurationMsKey, 0, missing);
        return milliseconds % 1000 == 0
            ? milliseconds / 1000
            : throw BeaconAttemptException.Malformed(
                Join("data", SlotDurationMsKey), $"is {milliseconds} ms, not whole seconds, and {SecondsPerSlotKey} is missing; timestamps here are in seconds");
    }

    private static ulong PositiveOrDefault(JsonElement data, string key, ulong fallback, List<string> missing)
    {
        if (!data.TryGetProperty(key, out _))
        {
            missing.Add(key);
            return fallback;
        }

        var value = UInt64(data, key, "data");
        return value > 0 ? value : throw BeaconAttemptException.Malformed(Join("data", key), "is 0; it must be above zero");
    }

    private static string Show(ulong? epoch) => epoch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "FAR_FUTURE_EPOCH";
}
