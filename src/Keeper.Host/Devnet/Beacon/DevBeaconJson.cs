using System.Globalization;
using System.Text.Json.Nodes;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>The Beacon API's JSON shapes (ethereum/beacon-APIs) for the devnet node: decimal strings, 0x hex, the data wrapper.</summary>
internal static class DevBeaconJson
{
    /// <summary>A success body: <c>{"execution_optimistic": false, "finalized": ..., "data": ...}</c>.</summary>
    public static string Ok(JsonNode data, bool? finalized = null)
    {
        var body = new JsonObject { ["execution_optimistic"] = false };
        if (finalized is { } value)
        {
            body["finalized"] = value;
        }

        body["data"] = data;
        return body.ToJsonString();
    }

    /// <summary>An error body: <c>{"code": status, "message": ...}</c>.</summary>
    public static string Error(int status, string message) => new JsonObject { ["code"] = status, ["message"] = message }.ToJsonString();

    /// <summary><c>/eth/v1/beacon/genesis</c>'s data.</summary>
    public static JsonNode Genesis(ulong genesisTime, Hash32 genesisValidatorsRoot) => new JsonObject
    {
        ["genesis_time"] = Decimal(genesisTime),
        ["genesis_validators_root"] = genesisValidatorsRoot.ToString(),
        ["genesis_fork_version"] = Hex.Encode(DevBeaconSpec.VersionBytes(DevBeaconSpec.GenesisForkVersion)),
    };

    /// <summary><c>/eth/v1/config/spec</c>'s data.</summary>
    public static JsonNode Spec() => new JsonObject(DevBeaconSpec.Values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    /// <summary><c>/eth/v1/beacon/headers/{id}</c>'s data.</summary>
    public static JsonNode Header(DevBeaconBlock block) => new JsonObject
    {
        ["root"] = block.Root.ToString(),
        ["canonical"] = true,
        ["header"] = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["slot"] = Decimal(block.Slot),
                ["proposer_index"] = Decimal(block.ProposerIndex),
                ["parent_root"] = block.ParentRoot.ToString(),
                ["state_root"] = block.StateRoot.ToString(),
                ["body_root"] = block.BodyRoot.ToString(),
            },
            ["signature"] = Hex.Encode(new byte[96]),
        },
    };

    /// <summary>One <c>ValidatorResponse</c> of <c>/eth/v1/beacon/states/{id}/validators</c>.</summary>
    public static JsonNode Validator(DevValidator validator, ulong epoch) => new JsonObject
    {
        ["index"] = Decimal(validator.Index),
        ["balance"] = Decimal(validator.Balance),
        ["status"] = validator.StatusAt(epoch),
        ["validator"] = new JsonObject
        {
            ["pubkey"] = validator.Pubkey.ToString(),
            ["withdrawal_credentials"] = validator.WithdrawalCredentials.ToString(),
            ["effective_balance"] = Decimal(validator.EffectiveBalance),
            ["slashed"] = validator.Slashed,
            ["activation_eligibility_epoch"] = Decimal(validator.ActivationEligibilityEpoch),
            ["activation_epoch"] = Decimal(validator.ActivationEpoch),
            ["exit_epoch"] = Decimal(validator.ExitEpoch),
            ["withdrawable_epoch"] = Decimal(validator.WithdrawableEpoch),
        },
    };

    private static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
