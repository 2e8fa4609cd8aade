using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Testing.Beacon;

/// <summary>The JSON shapes of ethereum/beacon-APIs that the <see cref="FakeBeaconNode"/> sends: integers as decimal strings, bytes as 0x hex.</summary>
public static class FakeBeaconJson
{
    /// <summary>The <c>data</c> of <c>GET /eth/v1/beacon/genesis</c>.</summary>
    public static JsonObject Genesis(ulong genesisTime, Hash32 validatorsRoot, uint forkVersion)
    {
        var version = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(version, forkVersion);
        return new JsonObject
        {
            ["genesis_time"] = Decimal(genesisTime),
            ["genesis_validators_root"] = validatorsRoot.ToString(),
            ["genesis_fork_version"] = Hex.Encode(version),
        };
    }

    /// <summary>The <c>data</c> of <c>GET /eth/v1/config/spec</c>: every value a string.</summary>
    public static JsonObject Spec(IReadOnlyDictionary<string, string> values) =>
        new(values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));

    /// <summary>The <c>data</c> of <c>GET /eth/v1/beacon/headers/{id}</c> for a block at <paramref name="slot"/>, with roots derived from the slot.</summary>
    public static JsonObject Header(ulong slot, bool canonical) => new()
    {
        ["root"] = RootOf("block", slot),
        ["canonical"] = canonical,
        ["header"] = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["slot"] = Decimal(slot),
                ["proposer_index"] = Decimal(slot % 1000),
                ["parent_root"] = slot == 0 ? Hash32.Zero.ToString() : RootOf("block", slot - 1),
                ["state_root"] = RootOf("state", slot),
                ["body_root"] = RootOf("body", slot),
            },
            ["signature"] = Hex.Encode(new byte[96]),
        },
    };

    /// <summary>One <c>ValidatorResponse</c>.</summary>
    public static JsonObject Validator(FakeValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return new JsonObject
        {
            ["index"] = Decimal(validator.Index),
            ["balance"] = Decimal(validator.Balance),
            ["status"] = validator.Status,
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
    }

    /// <summary>The root the fake gives the block, state or body at a slot: keccak256 of "kind:slot".</summary>
    public static string RootOf(string kind, ulong slot) => Hex.Encode(Sha3Keccack.Current.CalculateHashAsBytes($"{kind}:{slot.ToString(CultureInfo.InvariantCulture)}"));

    private static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
