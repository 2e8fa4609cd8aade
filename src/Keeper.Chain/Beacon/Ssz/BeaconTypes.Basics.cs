namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Basic types and the mainnet preset's sizes the containers are built from.</summary>
public sealed partial class BeaconTypes
{
    /// <summary>uint8.</summary>
    public static readonly SszUintType Uint8 = new(8);

    /// <summary>uint64.</summary>
    public static readonly SszUintType Uint64 = new(64);

    /// <summary>uint256.</summary>
    public static readonly SszUintType Uint256 = new(256);

    /// <summary>boolean.</summary>
    public static readonly SszBooleanType Boolean = new();

    /// <summary>Bytes4 (a fork version).</summary>
    public static readonly SszByteVectorType Bytes4 = new(4);

    /// <summary>Bytes20 (an execution address).</summary>
    public static readonly SszByteVectorType Bytes20 = new(20);

    /// <summary>Bytes32 (a root or hash).</summary>
    public static readonly SszByteVectorType Bytes32 = new(32);

    /// <summary>Bytes48 (a BLS public key or KZG commitment).</summary>
    public static readonly SszByteVectorType Bytes48 = new(48);

    /// <summary>Bytes96 (a BLS signature).</summary>
    public static readonly SszByteVectorType Bytes96 = new(96);

    /// <summary>SLOTS_PER_HISTORICAL_ROOT: the length of <c>block_roots</c> and <c>state_roots</c>.</summary>
    public const int SlotsPerHistoricalRoot = 8192;

    /// <summary>VALIDATOR_REGISTRY_LIMIT: the limit of <c>validators</c> and <c>balances</c>.</summary>
    public const long ValidatorRegistryLimit = 1L << 40;

    /// <summary>HISTORICAL_ROOTS_LIMIT: the limit of <c>historical_roots</c> and <c>historical_summaries</c>.</summary>
    public const long HistoricalRootsLimit = 1L << 24;

    /// <summary>MAX_WITHDRAWALS_PER_PAYLOAD.</summary>
    public const int MaxWithdrawalsPerPayload = 16;

    private const int SyncCommitteeSize = 512;
    private const int EpochsPerEth1VotingPeriodSlots = 64 * 32;
    private const int EpochsPerHistoricalVector = 65536;
    private const int EpochsPerSlashingsVector = 8192;
    private const long PendingDepositsLimit = 1L << 27;
    private const long PendingPartialWithdrawalsLimit = 1L << 27;
    private const long PendingConsolidationsLimit = 1L << 18;
    private const int ProposerLookahead = 2 * 32;
    private const int MaxCommitteeBits = 2048 * 64;
    private const int MaxCommitteesPerSlot = 64;
    private const int MaxProposerSlashings = 16;
    private const int MaxAttesterSlashingsElectra = 1;
    private const int MaxAttestationsElectra = 8;
    private const int MaxDeposits = 16;
    private const int MaxVoluntaryExits = 16;
    private const int MaxBlsToExecutionChanges = 16;
    private const int MaxBlobCommitmentsPerBlock = 4096;
    private const int DepositProofLength = 33;
    private const long MaxBytesPerTransaction = 1L << 30;
    private const long MaxTransactionsPerPayload = 1L << 20;
    private const int BytesPerLogsBloom = 256;
    private const int MaxExtraDataBytes = 32;
    private const int MaxDepositRequestsPerPayload = 8192;
    private const int MaxWithdrawalRequestsPerPayload = 16;
    private const int MaxConsolidationRequestsPerPayload = 2;

    private readonly Dictionary<string, SszContainerType> _containers = new(StringComparer.Ordinal);
}
