namespace Keeper.Chain.Tests.Beacon;

/// <summary>
/// Answers shaped and filled as ethereum/beacon-APIs documents them. The field values are the schema examples of
/// types/primitive.yaml (Pubkey, Root, GenesisTime, ForkVersion, Uint64 "1"), types/api.yaml (ValidatorStatus
/// "active_ongoing") and types/phase0/validator.yaml (slashed false), assembled the way the spec's rendered example
/// responses are, in the envelopes of apis/beacon/genesis.yaml, apis/beacon/states/validators.yaml and
/// apis/beacon/blocks/header.yaml.
/// </summary>
internal static class BeaconSpecExamples
{
    /// <summary>types/primitive.yaml Pubkey example.</summary>
    public const string Pubkey = "0x93247f2209abcacf57b75a51dafae777f9dd38bc7053d1af526f220a7489a6d3a2753e5f3e8b1cfe39b56f43611df74a";

    /// <summary>types/primitive.yaml Root example.</summary>
    public const string Root = "0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2";

    /// <summary>apis/beacon/genesis.yaml GetGenesisResponse with the GenesisTime, Root and ForkVersion examples.</summary>
    public const string Genesis = """
        {"data":{"genesis_time":"1590832934","genesis_validators_root":"0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2","genesis_fork_version":"0x00000000"}}
        """;

    /// <summary>
    /// The Ethereum mainnet answer to GET /eth/v1/beacon/genesis (the values Rocket Pool's BeaconStateVerifier is
    /// deployed with on mainnet: genesis time 1606824023, the mainnet genesis validators root, fork version 0).
    /// </summary>
    public const string MainnetGenesis = """
        {"data":{"genesis_time":"1606824023","genesis_validators_root":"0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95","genesis_fork_version":"0x00000000"}}
        """;

    /// <summary>apis/beacon/states/validators.yaml GetStateValidatorsResponse with one ValidatorResponse of schema examples.</summary>
    public const string Validators = """
        {
          "execution_optimistic": false,
          "finalized": false,
          "data": [
            {
              "index": "1",
              "balance": "1",
              "status": "active_ongoing",
              "validator": {
                "pubkey": "0x93247f2209abcacf57b75a51dafae777f9dd38bc7053d1af526f220a7489a6d3a2753e5f3e8b1cfe39b56f43611df74a",
                "withdrawal_credentials": "0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2",
                "effective_balance": "1",
                "slashed": false,
                "activation_eligibility_epoch": "1",
                "activation_epoch": "1",
                "exit_epoch": "1",
                "withdrawable_epoch": "1"
              }
            }
          ]
        }
        """;

    /// <summary>apis/beacon/blocks/header.yaml GetBlockHeaderResponse with the Root and Uint64 examples.</summary>
    public const string Header = """
        {
          "execution_optimistic": false,
          "finalized": false,
          "data": {
            "root": "0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2",
            "canonical": true,
            "header": {
              "message": {
                "slot": "1",
                "proposer_index": "1",
                "parent_root": "0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2",
                "state_root": "0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2",
                "body_root": "0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2"
              },
              "signature": "0x1b66ac1fb663c9bc59509846d6ec05345bd908eda73e670af888da41af171505cc411d61252fb6cb3fa0017b679f8bb2305b26a285fa2737f175668d0dff91cc1b66ac1fb663c9bc59509846d6ec05345bd908eda73e670af888da41af171505"
            }
          }
        }
        """;

    /// <summary>apis/config/spec.yaml example keys, plus the two timing keys with their mainnet values.</summary>
    public const string Spec = """
        {"data":{"DEPOSIT_CONTRACT_ADDRESS":"0x00000000219ab540356cBB839Cbe05303d7705Fa","DEPOSIT_NETWORK_ID":"1","DOMAIN_AGGREGATE_AND_PROOF":"0x06000000","INACTIVITY_PENALTY_QUOTIENT":"67108864","INACTIVITY_PENALTY_QUOTIENT_ALTAIR":"50331648","SECONDS_PER_SLOT":"12","SLOTS_PER_EPOCH":"32"}}
        """;
}
