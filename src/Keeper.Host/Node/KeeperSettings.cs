using System.Numerics;
using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Node;

/// <summary>Everything a keeper node is configured with, parsed once at start-up by <see cref="KeeperSettingsLoader"/>.</summary>
public sealed record KeeperSettings(
    string NodeId,
    ChainSettings Chain,
    Address RocketStorage,
    TimeSpan SettingsRefresh,
    BeaconSettings Beacon,
    SignerSettings Signer,
    StoreSettings Store,
    GateSettings Gate,
    FeeSettings Fees,
    ProfitSettings Profit,
    TrackingNodeSettings Tracking,
    HttpSettings Http,
    ClusterSettings Cluster)
{
    /// <summary>
    /// The configuration's <c>akka { … }</c> section rendered as HOCON for Akka's parser (see
    /// <see cref="Configuration.AkkaConfigSection"/>), for <c>AddHocon(AkkaHocon, HoconAddMode.Prepend)</c>: Akka's own
    /// defaults apply to every key it does not set. Empty when the settings were not read from a configuration.
    /// </summary>
    public string AkkaHocon { get; init; } = string.Empty;

    /// <summary>keeper.own: the operator's own megapools and the warnings before their deadlines.</summary>
    public OwnSettings Own { get; init; } = OwnSettings.Off;

    /// <summary>keeper.gogopool: GoGoPool's minipools on their own chain; off unless configured.</summary>
    public GoGoPoolNodeSettings GoGoPool { get; init; } = GoGoPoolNodeSettings.Off;
}

/// <summary>keeper.chain. <see cref="RpcHedgeDelay"/> is null when hedging is off (<c>rpc-hedge-delay = 0s</c>).</summary>
public sealed record ChainSettings(
    IReadOnlyList<Uri> Rpc, TimeSpan RpcTimeout, TimeSpan? RpcHedgeDelay, int RpcAttempts, TimeSpan Slot, TimeSpan PollInterval,
    ulong LogRange, int HistoryDepth, int Confirmations, Address? Multicall3, int ReadsInFlight);

/// <summary>keeper.beacon.</summary>
public sealed record BeaconSettings(IReadOnlyList<Uri> Endpoints, TimeSpan CheckInterval, long SszMaxBytes, TimeSpan SszRequestTimeout);

/// <summary>keeper.signer.</summary>
public sealed record SignerSettings(string Keystore, string PasswordFile, string PasswordEnv)
{
    /// <summary>keeper.signer.balance-floor-gwei in wei: below it the node warns that the signing account needs ETH. Default 0.05 ETH.</summary>
    public BigInteger BalanceFloorWei { get; init; } = 50_000_000_000_000_000;
}

/// <summary>The kinds of store.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database.</summary>
    Postgres,
}

/// <summary>keeper.store.</summary>
public sealed record StoreSettings(StoreKind Kind, string Path, string ConnectionString)
{
    /// <summary>Where the journal and snapshots live: the SQLite file or the PostgreSQL database (nothing is opened here).</summary>
    public SqlStoreLocation Location => Kind == StoreKind.Postgres ? SqlStoreLocation.Postgres(ConnectionString) : SqlStoreLocation.Sqlite(Path);
}

/// <summary>keeper.gate.</summary>
public sealed record GateSettings(bool Enabled, TimeSpan Window, TimeSpan StoreProbeInterval);

/// <summary>keeper.fees.</summary>
public sealed record FeeSettings(BigInteger MaxFeePerGas, double RewardPercentile, BigInteger MinPriorityFeePerGas, int HistoryBlocks, int BumpAfterBlocks);

/// <summary>keeper.profit.</summary>
public sealed record ProfitSettings(bool ActWithoutReward, BigInteger MinProfitWei);

/// <summary>keeper.tracking.</summary>
public sealed record TrackingNodeSettings(TimeSpan PassivateAfter, ulong CheckpointEveryBlocks, ulong AccountsRefreshBlocks);

/// <summary>keeper.http.</summary>
public sealed record HttpSettings(string Host, int Port);

/// <summary>keeper.own. <see cref="NodeAddresses"/> empty: the signing account is the one own node operator.</summary>
public sealed record OwnSettings(bool Enabled, IReadOnlyList<Address> NodeAddresses, TimeSpan WarnBeforeDissolve, TimeSpan WarnBeforeNotify)
{
    /// <summary>Own mode off (settings built without a configuration).</summary>
    public static OwnSettings Off { get; } = new(false, [], TimeSpan.FromDays(3), TimeSpan.FromHours(6));
}
