using System.Text.Json.Nodes;
using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;
using Xunit;
using static Keeper.Chain.Tests.Beacon.BeaconTestKit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconResponseReaderTests
{
    private static readonly ValidatorPubkey ExamplePubkey = ValidatorPubkey.Parse(BeaconSpecExamples.Pubkey);

    [Fact]
    public void ReadGenesis_SpecExample_ReadsEveryField()
    {
        var genesis = BeaconResponseReader.ReadGenesis(Json(BeaconSpecExamples.Genesis));

        Assert.Equal(new BeaconGenesis(1590832934, Hash32.Parse(BeaconSpecExamples.Root), 0), genesis);
    }

    [Fact]
    public void ReadGenesis_MainnetAnswer_GivesMainnetGenesisTime()
    {
        var genesis = BeaconResponseReader.ReadGenesis(Json(BeaconSpecExamples.MainnetGenesis));

        Assert.Equal(1606824023UL, genesis.GenesisTime);
        Assert.Equal("0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95", genesis.GenesisValidatorsRoot.ToString());
    }

    [Fact]
    public void ReadGenesis_ForkVersion_ReadBigEndian()
    {
        var genesis = BeaconResponseReader.ReadGenesis(Json(BeaconSpecExamples.Genesis.Replace("0x00000000", "0x10000910", StringComparison.Ordinal)));

        Assert.Equal(0x10000910u, genesis.GenesisForkVersion);
    }

    [Fact]
    public void ReadValidators_SpecExample_ReadsEveryField()
    {
        var found = new Dictionary<ValidatorPubkey, BeaconValidator>();

        BeaconResponseReader.ReadValidators(Json(BeaconSpecExamples.Validators), new HashSet<ValidatorPubkey> { ExamplePubkey }, found);

        var validator = Assert.Single(found).Value;
        Assert.Equal(
            new BeaconValidator(1, ExamplePubkey, BeaconValidatorStatus.ActiveOngoing, "active_ongoing", 1, 1, false, Hash32.Parse(BeaconSpecExamples.Root), 1, 1, 1, 1),
            validator);
        Assert.True(validator.HasExitEpoch);
        Assert.True(validator.HasWithdrawableEpoch);
    }

    [Fact]
    public void ReadValidators_FarFutureEpochs_ReadAsNull()
    {
        var json = Example(v =>
        {
            v["validator"]!["activation_eligibility_epoch"] = "18446744073709551615";
            v["validator"]!["activation_epoch"] = "18446744073709551615";
            v["validator"]!["exit_epoch"] = "18446744073709551615";
            v["validator"]!["withdrawable_epoch"] = "18446744073709551615";
        });

        var validator = ReadOne(json);

        Assert.Null(validator.ActivationEligibilityEpoch);
        Assert.Null(validator.ActivationEpoch);
        Assert.Null(validator.ExitEpoch);
        Assert.Null(validator.WithdrawableEpoch);
        Assert.False(validator.HasExitEpoch);
        Assert.False(validator.HasWithdrawableEpoch);
    }

    [Fact]
    public void ReadValidators_OneBelowFarFuture_IsARealEpoch()
    {
        var json = Example(v =>
        {
            v["validator"]!["exit_epoch"] = "18446744073709551613";
            v["validator"]!["withdrawable_epoch"] = "18446744073709551614";
        });

        var validator = ReadOne(json);

        Assert.Equal(18446744073709551613UL, validator.ExitEpoch);
        Assert.Equal(18446744073709551614UL, validator.WithdrawableEpoch);
    }

    [Theory]
    [InlineData("pending_initialized", BeaconValidatorStatus.PendingInitialized)]
    [InlineData("pending_minBalance", BeaconValidatorStatus.PendingInitialized)]
    [InlineData("pending_queued", BeaconValidatorStatus.PendingQueued)]
    [InlineData("pending_lookahead", BeaconValidatorStatus.PendingQueued)]
    [InlineData("active_exiting", BeaconValidatorStatus.ActiveExiting)]
    [InlineData("active_slashed", BeaconValidatorStatus.ActiveSlashed)]
    [InlineData("exited_unslashed", BeaconValidatorStatus.ExitedUnslashed)]
    [InlineData("exited_slashed", BeaconValidatorStatus.ExitedSlashed)]
    [InlineData("withdrawal_possible", BeaconValidatorStatus.WithdrawalPossible)]
    [InlineData("withdrawal_done", BeaconValidatorStatus.WithdrawalDone)]
    [InlineData("some_future_status", BeaconValidatorStatus.Unknown)]
    public void ReadValidators_StatusName_MapsToStatusAndKeepsName(string name, BeaconValidatorStatus expected)
    {
        var validator = ReadOne(Example(v => v["status"] = name));

        Assert.Equal(expected, validator.Status);
        Assert.Equal(name, validator.StatusName);
    }

    [Theory]
    [InlineData("index", "-1", "data[0].index")]
    [InlineData("index", "1.5", "data[0].index")]
    [InlineData("index", " 1", "data[0].index")]
    [InlineData("index", "+1", "data[0].index")]
    [InlineData("index", "", "data[0].index")]
    [InlineData("index", "0x1", "data[0].index")]
    [InlineData("balance", "18446744073709551616", "data[0].balance")]
    [InlineData("status", "", "data[0].status")]
    [InlineData("validator.pubkey", "0x93247f22", "data[0].validator.pubkey")]
    [InlineData("validator.pubkey", "93247f2209abcacf57b75a51dafae777f9dd38bc7053d1af526f220a7489a6d3a2753e5f3e8b1cfe39b56f43611df74a", "data[0].validator.pubkey")]
    [InlineData("validator.withdrawal_credentials", "0x00", "data[0].validator.withdrawal_credentials")]
    [InlineData("validator.effective_balance", "one", "data[0].validator.effective_balance")]
    [InlineData("validator.exit_epoch", "18446744073709551616", "data[0].validator.exit_epoch")]
    [InlineData("validator.withdrawable_epoch", "99999999999999999999", "data[0].validator.withdrawable_epoch")]
    public void ReadValidators_BadStringValue_ThrowsMalformedNamingTheField(string property, string value, string expectedField)
    {
        var json = Example(v => Set(v, property, JsonValue.Create(value)));

        AssertMalformed(json, expectedField);
    }

    [Theory]
    [InlineData("index", "number", "data[0].index")]
    [InlineData("balance", "null", "data[0].balance")]
    [InlineData("status", "number", "data[0].status")]
    [InlineData("validator", "array", "data[0].validator")]
    [InlineData("validator.slashed", "string", "data[0].validator.slashed")]
    [InlineData("validator.withdrawable_epoch", "number", "data[0].validator.withdrawable_epoch")]
    [InlineData("validator.exit_epoch", "missing", "data[0].validator.exit_epoch")]
    [InlineData("validator.withdrawable_epoch", "missing", "data[0].validator.withdrawable_epoch")]
    [InlineData("validator.pubkey", "missing", "data[0].validator.pubkey")]
    [InlineData("index", "missing", "data[0].index")]
    public void ReadValidators_WrongTypeOrMissing_ThrowsMalformedNamingTheField(string property, string kind, string expectedField)
    {
        JsonNode? replacement = kind switch
        {
            "number" => JsonValue.Create(1),
            "string" => JsonValue.Create("false"),
            "array" => new JsonArray(),
            _ => null,
        };
        var json = Example(v =>
        {
            if (kind == "missing")
            {
                Remove(v, property);
            }
            else
            {
                Set(v, property, replacement);
            }
        });

        AssertMalformed(json, expectedField);
    }

    [Theory]
    [InlineData("""{"data":{}}""", "data")]
    [InlineData("""{"execution_optimistic":false}""", "data")]
    [InlineData("""[]""", "$")]
    [InlineData("""{"data":[1]}""", "data[0]")]
    public void ReadValidators_BadEnvelope_ThrowsMalformedNamingTheField(string json, string expectedField) =>
        AssertMalformed(json, expectedField);

    [Theory]
    [InlineData("18446744073709551615", "5")]
    [InlineData("5", "18446744073709551615")]
    [InlineData("10", "9")]
    public void ReadValidators_InconsistentExitAndWithdrawableEpochs_ThrowsMalformed(string exitEpoch, string withdrawableEpoch)
    {
        var json = Example(v =>
        {
            v["validator"]!["exit_epoch"] = exitEpoch;
            v["validator"]!["withdrawable_epoch"] = withdrawableEpoch;
        });

        AssertMalformed(json, "data[0].validator.withdrawable_epoch");
    }

    [Fact]
    public void ReadValidators_ValidatorNotAskedFor_ThrowsMalformed()
    {
        var error = Assert.Throws<BeaconAttemptException>(
            () => BeaconResponseReader.ReadValidators(Json(BeaconSpecExamples.Validators), new HashSet<ValidatorPubkey> { Pubkey(1) }, new Dictionary<ValidatorPubkey, BeaconValidator>()));

        Assert.Equal("data[0].validator.pubkey", error.Field);
        Assert.Contains("not asked for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValidators_SameValidatorTwice_ThrowsMalformed()
    {
        var root = JsonNode.Parse(BeaconSpecExamples.Validators)!;
        root["data"]!.AsArray().Add(root["data"]![0]!.DeepClone());

        AssertMalformed(root.ToJsonString(), "data[1].validator.pubkey");
    }

    [Fact]
    public void ReadValidators_EmptyData_FindsNothing()
    {
        var found = new Dictionary<ValidatorPubkey, BeaconValidator>();

        BeaconResponseReader.ReadValidators(Json("""{"execution_optimistic":false,"finalized":true,"data":[]}"""), new HashSet<ValidatorPubkey> { ExamplePubkey }, found);

        Assert.Empty(found);
    }

    [Fact]
    public void ReadHeader_SpecExample_ReadsEveryField()
    {
        var root = Hash32.Parse(BeaconSpecExamples.Root);

        var header = BeaconResponseReader.ReadHeader(Json(BeaconSpecExamples.Header));

        Assert.Equal(new BeaconHeader(root, 1, 1, root, root, root, true, false, false), header);
    }

    [Fact]
    public void ReadHeader_NoOptimisticOrFinalizedFlags_ReadsFalseAndNull()
    {
        var node = JsonNode.Parse(BeaconSpecExamples.Header)!.AsObject();
        node.Remove("execution_optimistic");
        node.Remove("finalized");

        var header = BeaconResponseReader.ReadHeader(Json(node.ToJsonString()));

        Assert.False(header.ExecutionOptimistic);
        Assert.Null(header.Finalized);
    }

    [Fact]
    public void ReadHeader_SlotMissing_ThrowsMalformedNamingTheField()
    {
        var node = JsonNode.Parse(BeaconSpecExamples.Header)!;
        node["data"]!["header"]!["message"]!.AsObject().Remove("slot");

        var error = Assert.Throws<BeaconAttemptException>(() => BeaconResponseReader.ReadHeader(Json(node.ToJsonString())));

        Assert.Equal("data.header.message.slot", error.Field);
    }

    [Fact]
    public void ReadSpec_SpecExample_ReadsTimingAndDefaultsNothing()
    {
        var spec = BeaconResponseReader.ReadSpec(Json(BeaconSpecExamples.Spec), out var defaulted);

        Assert.Equal(new BeaconSpec(12, 32), spec);
        Assert.Empty(defaulted);
    }

    [Fact]
    public void ReadSpec_OtherNetworkValues_UsesThemNotTheDefaults()
    {
        var spec = BeaconResponseReader.ReadSpec(Json("""{"data":{"SECONDS_PER_SLOT":"6","SLOTS_PER_EPOCH":"8"}}"""), out var defaulted);

        Assert.Equal(new BeaconSpec(6, 8), spec);
        Assert.Empty(defaulted);
    }

    [Fact]
    public void ReadSpec_CapellaForkEpoch_ReadWhenGivenAndNullWhenNot()
    {
        var given = BeaconResponseReader.ReadSpec(Json("""{"data":{"SECONDS_PER_SLOT":"12","SLOTS_PER_EPOCH":"32","CAPELLA_FORK_EPOCH":"194048"}}"""), out var defaulted);
        var absent = BeaconResponseReader.ReadSpec(Json("""{"data":{"SECONDS_PER_SLOT":"12","SLOTS_PER_EPOCH":"32"}}"""), out _);

        Assert.Equal(new BeaconSpec(12, 32, 194048), given);
        Assert.Empty(defaulted);
        Assert.Null(absent.CapellaForkEpoch);
    }

    [Fact]
    public void ReadSpec_TimingKeysMissing_UsesMainnetDefaultsAndSaysWhich()
    {
        var spec = BeaconResponseReader.ReadSpec(Json("""{"data":{"DEPOSIT_NETWORK_ID":"1"}}"""), out var defaulted);

        Assert.Equal(BeaconSpec.MainnetDefaults, spec);
        Assert.Equal(["SECONDS_PER_SLOT", "SLOTS_PER_EPOCH"], defaulted);
    }

    [Fact]
    public void ReadSpec_OnlySlotDurationMs_ConvertsToSeconds()
    {
        var spec = BeaconResponseReader.ReadSpec(Json("""{"data":{"SLOT_DURATION_MS":"6000","SLOTS_PER_EPOCH":"32"}}"""), out var defaulted);

        Assert.Equal(new BeaconSpec(6, 32), spec);
        Assert.Empty(defaulted);
    }

    [Theory]
    [InlineData("""{"data":{"SECONDS_PER_SLOT":"0","SLOTS_PER_EPOCH":"32"}}""", "data.SECONDS_PER_SLOT")]
    [InlineData("""{"data":{"SECONDS_PER_SLOT":12,"SLOTS_PER_EPOCH":"32"}}""", "data.SECONDS_PER_SLOT")]
    [InlineData("""{"data":{"SECONDS_PER_SLOT":"12","SLOTS_PER_EPOCH":"thirty-two"}}""", "data.SLOTS_PER_EPOCH")]
    [InlineData("""{"data":{"SLOT_DURATION_MS":"1500"}}""", "data.SLOT_DURATION_MS")]
    [InlineData("""{"data":{"SECONDS_PER_SLOT":"4294967296","SLOTS_PER_EPOCH":"4294967296"}}""", "data.SLOTS_PER_EPOCH")]
    [InlineData("""{"data":[]}""", "data")]
    public void ReadSpec_BadValue_ThrowsMalformedNamingTheField(string json, string expectedField)
    {
        var error = Assert.Throws<BeaconAttemptException>(() => BeaconResponseReader.ReadSpec(Json(json), out _));

        Assert.Equal(BeaconFailureKind.Malformed, error.Kind);
        Assert.Equal(expectedField, error.Field);
    }

    private static BeaconValidator ReadOne(string json)
    {
        var found = new Dictionary<ValidatorPubkey, BeaconValidator>();
        BeaconResponseReader.ReadValidators(Json(json), new HashSet<ValidatorPubkey> { ExamplePubkey }, found);
        return Assert.Single(found).Value;
    }

    private static void AssertMalformed(string json, string expectedField)
    {
        var error = Assert.Throws<BeaconAttemptException>(
            () => BeaconResponseReader.ReadValidators(Json(json), new HashSet<ValidatorPubkey> { ExamplePubkey }, new Dictionary<ValidatorPubkey, BeaconValidator>()));

        Assert.Equal(BeaconFailureKind.Malformed, error.Kind);
        Assert.Equal(expectedField, error.Field);
        Assert.Contains(expectedField, error.Message, StringComparison.Ordinal);
    }

    private static string Example(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(BeaconSpecExamples.Validators)!;
        change(root["data"]![0]!.AsObject());
        return root.ToJsonString();
    }

    private static void Set(JsonObject entry, string property, JsonNode? value)
    {
        var (parent, name) = Locate(entry, property);
        parent[name] = value;
    }

    private static void Remove(JsonObject entry, string property)
    {
        var (parent, name) = Locate(entry, property);
        parent.Remove(name);
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject entry, string property) =>
        property.Split('.') is [var outer, var inner] ? (entry[outer]!.AsObject(), inner) : (entry, property);
}
