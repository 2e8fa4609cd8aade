using System.Reflection;
using Keeper.Host.Configuration;

namespace Keeper.Host.Node;

/// <summary>
/// Reads <see cref="KeeperSettings"/> from a HOCON file over the embedded reference.conf, validating every key once at
/// start-up: an error names the key, what is wrong and how to fix it, and every wrong key (and environment override) is
/// reported at once in one <see cref="SettingsException"/>.
/// </summary>
public static partial class KeeperSettingsLoader
{
    private const string ReferenceSource = "reference.conf";

    private static readonly Lazy<HoconConfig> ReferenceConfig = new(() =>
        HoconConfig.Parse(ReferenceConf, ReferenceSource, null, NoEnvironment));

    private static readonly Lazy<SettingsKeys> Keys = new(() => new SettingsKeys(ReferenceConfig.Value.Root));

    /// <summary>The embedded reference configuration (hocon/reference.conf), documenting every key.</summary>
    public static string ReferenceConf
    {
        get
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Keeper.Host.reference.conf")
                ?? throw new InvalidOperationException("reference.conf is not embedded in the keeper assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Loads a file (which may include others) over the reference configuration, then applies <c>KEEPER_</c> overrides.</summary>
    /// <param name="path">The node's configuration file.</param>
    /// <param name="environment">The environment variables; defaults to the process environment (<see cref="ProcessEnvironment"/>).</param>
    /// <exception cref="HoconException">The file does not parse; the message gives file, line and column.</exception>
    /// <exception cref="SettingsException">A setting is unknown, missing or invalid.</exception>
    public static KeeperSettings Load(string path, IReadOnlyDictionary<string, string>? environment = null) =>
        LoadEffective(path, environment).Settings;

    /// <summary>
    /// <see cref="Load"/> that also returns the effective configuration it read (<see cref="LoadConfig"/>); a wrong
    /// environment override and a wrong key in the file are reported together.
    /// </summary>
    /// <exception cref="HoconException">The file does not parse; the message gives file, line and column.</exception>
    /// <exception cref="SettingsException">Settings are unknown, missing or invalid: all of them.</exception>
    public static (HoconConfig Config, KeeperSettings Settings) LoadEffective(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        var errors = new List<SettingsException>();
        var config = Effective(HoconConfig.Load(path, Lookup(environment)), environment, errors);
        return (config, From(config, errors));
    }

    /// <summary>Parses HOCON text over the reference configuration, then applies <c>KEEPER_</c> overrides.</summary>
    /// <param name="text">The HOCON document.</param>
    /// <param name="sourceName">The name errors cite.</param>
    /// <param name="environment">The environment variables; defaults to the process environment (<see cref="ProcessEnvironment"/>).</param>
    /// <exception cref="HoconException">The text does not parse.</exception>
    /// <exception cref="SettingsException">A setting is unknown, missing or invalid.</exception>
    public static KeeperSettings Parse(string text, string sourceName, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        var errors = new List<SettingsException>();
        return From(Effective(HoconConfig.Parse(text, sourceName, null, Lookup(environment)), environment, errors), errors);
    }

    /// <summary>
    /// The effective configuration <see cref="Load"/> reads: the file over reference.conf, <c>${VAR}</c> substitutions
    /// from <paramref name="environment"/>, then its <c>KEEPER_…__…</c> overrides (see hocon/reference.conf).
    /// </summary>
    /// <exception cref="HoconException">The file does not parse.</exception>
    /// <exception cref="SettingsException">An override is unknown or of the wrong type.</exception>
    public static HoconConfig LoadConfig(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        return Effective(HoconConfig.Load(path, Lookup(environment)), environment, null);
    }

    /// <summary>The effective configuration <see cref="Parse"/> reads (see <see cref="LoadConfig"/>).</summary>
    /// <exception cref="HoconException">The text does not parse.</exception>
    /// <exception cref="SettingsException">An override is unknown or of the wrong type.</exception>
    public static HoconConfig ParseConfig(string text, string sourceName, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        return Effective(HoconConfig.Parse(text, sourceName, null, Lookup(environment)), environment, null);
    }

    /// <summary>A snapshot of the process environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return variables;
    }

    /// <summary>
    /// Builds the settings from a resolved configuration (reference.conf already underneath; <see cref="LoadConfig"/>
    /// applies environment overrides, this does not), refusing any key under <c>keeper</c> that reference.conf lacks.
    /// </summary>
    /// <exception cref="SettingsException">Settings are unknown, missing or invalid: all of them.</exception>
    public static KeeperSettings From(HoconConfig config) => From(config, []);

    // Every key is read even after one failed (a failed read stands in a harmless value and is recorded), and checks that
    // combine keys run only when those keys were read, so each mistake is reported once, by its own key.
    private static KeeperSettings From(HoconConfig config, List<SettingsException> errors)
    {
        var r = new Reader(config, errors);
        r.Check(() => Keys.Value.ThrowIfUnknown(config.Root));
        var chain = new ChainSettings(
            r.Uris("keeper.chain.rpc", required: true),
            r.Duration("keeper.chain.rpc-timeout", min: TimeSpan.FromMilliseconds(100)),
            r.Duration("keeper.chain.rpc-hedge-delay", min: TimeSpan.Zero) is { } hedge && hedge > TimeSpan.Zero ? hedge : null,
            r.Int("keeper.chain.rpc-attempts", 1, 100),
            r.Duration("keeper.chain.slot", min: TimeSpan.FromSeconds(1)),
            r.Duration("keeper.chain.poll-interval", min: TimeSpan.FromMilliseconds(50)),
            (ulong)r.Long("keeper.chain.log-range", 1, 1_000_000),
            r.Int("keeper.chain.history-depth", 2, 100_000),
            r.Int("keeper.chain.confirmations", 1, 64),
            r.OptionalAddress("keeper.chain.multicall3"),
            r.Int("keeper.chain.reads-in-flight", 1, 16));
        StoreKind? storeKind = r.String("keeper.store.kind") switch
        {
            "sqlite" => StoreKind.Sqlite,
            "postgres" => StoreKind.Postgres,
            var other when !r.Failed("keeper.store.kind") => r.Report<StoreKind?>("keeper.store.kind", $"'{other}' is not a store kind; use sqlite or postgres.", null),
            _ => null,
        };
        var store = new StoreSettings(storeKind ?? StoreKind.Sqlite, r.String("keeper.store.path"), r.String("keeper.store.connection-string"));
        if (storeKind == StoreKind.Postgres && string.IsNullOrWhiteSpace(store.ConnectionString) && !r.Failed("keeper.store.connection-string"))
        {
            r.Report("keeper.store.connection-string", "is empty but keeper.store.kind is postgres; set it (for example from ${?KEEPER_STORE_CONNECTION}).");
        }

        if (storeKind == StoreKind.Sqlite && string.IsNullOrWhiteSpace(store.Path) && !r.Failed("keeper.store.path"))
        {
            r.Report("keeper.store.path", "is empty; set the SQLite file path.");
        }

        var gate = new GateSettings(
            r.Bool("keeper.gate.enabled"),
            r.Duration("keeper.gate.window", min: TimeSpan.FromSeconds(1)),
            r.Duration("keeper.gate.store-probe-interval", min: TimeSpan.FromMilliseconds(100)));
        var cluster = Cluster(r);
        var fees = new FeeSettings(
            r.Gwei("keeper.fees.max-fee-per-gas-gwei"),
            r.Double("keeper.fees.reward-percentile", 0, 100),
            r.Gwei("keeper.fees.min-priority-fee-gwei"),
            r.Int("keeper.fees.history-blocks", 1, 1024),
            r.Int("keeper.fees.bump-after-blocks", 1, 1000));
        if (fees.MaxFeePerGas.IsZero && !r.Failed("keeper.fees.max-fee-per-gas-gwei"))
        {
            r.Report("keeper.fees.max-fee-per-gas-gwei", "must be above 0: it is the most the keeper ever pays per gas.");
        }

        var http = new HttpSettings(r.String("keeper.http.host"), r.Int("keeper.http.port", 0, 65535));
        if (!r.Failed("keeper.http.host"))
        {
            r.Check(() => Http.KeeperHttpExtensions.ParseHost(http.Host));
        }

        var settings = new KeeperSettings(
            r.String("keeper.node.id"),
            chain,
            r.Address("keeper.rocketpool.storage"),
            r.Duration("keeper.rocketpool.settings-refresh", min: TimeSpan.FromSeconds(1)),
            new BeaconSettings(
                r.Uris("keeper.beacon.endpoints", required: false),
                r.Duration("keeper.beacon.check-interval", min: TimeSpan.FromSeconds(1)),
                r.ByteSize("keeper.beacon.ssz-max-size", 1024 * 1024, Array.MaxLength),
                r.Duration("keeper.beacon.ssz-request-timeout", min: TimeSpan.FromSeconds(1))),
            new SignerSettings(r.String("keeper.signer.keystore"), r.String("keeper.signer.password-file"), r.String("keeper.signer.password-env"))
            {
                BalanceFloorWei = r.Gwei("keeper.signer.balance-floor-gwei"),
            },
            store,
            gate,
            fees,
            new ProfitSettings(r.Bool("keeper.profit.act-without-reward"), r.BigInteger("keeper.profit.min-profit-wei")),
            new TrackingNodeSettings(r.Duration("keeper.tracking.passivate-after", min: TimeSpan.FromSeconds(1)), (ulong)r.Long("keeper.tracking.checkpoint-every-blocks", 1, 100_000), (ulong)r.Long("keeper.tracking.accounts-refresh-blocks", 1, 1_000_000)),
            http,
            cluster)
        {
            AkkaHocon = r.Read(AkkaConfigSection.Section, () => AkkaConfigSection.Render(config), string.Empty),
            Own = Own(r),
            GoGoPool = GoGoPool(r),
        };
        return SettingsException.Of(errors) is { } error ? throw error : settings;
    }

    private static OwnSettings Own(Reader r)
    {
        var addresses = r.Strings("keeper.own.node-addresses").Select((text, i) => Chain.Primitives.Address.TryParse(text, out var address)
            ? address
            : r.Report($"keeper.own.node-addresses[{i}]",
                $"'{text}' is not an address; list node operator addresses (0x followed by 40 hex digits), or leave the list empty to use the signing account's.",
                Chain.Primitives.Address.Zero)).ToArray();
        // A warning that starts at the deadline warns of nothing; past a year it would fire for every validator at once.
        var own = new OwnSettings(
            r.Bool("keeper.own.enabled"),
            addresses,
            r.Duration("keeper.own.warn-before-dissolve", min: TimeSpan.FromMinutes(1)),
            r.Duration("keeper.own.warn-before-notify", min: TimeSpan.FromMinutes(1)));
        foreach (var (key, value) in new[] { ("keeper.own.warn-before-dissolve", own.WarnBeforeDissolve), ("keeper.own.warn-before-notify", own.WarnBeforeNotify) })
        {
            if (value > TimeSpan.FromDays(365))
            {
                r.Report(key, $"{value} is more than a year; a warning that long before the deadline is noise. Use a lead time such as 72h or 6h.");
            }
        }

        return own;
    }

    private static ClusterSettings Cluster(Reader r)
    {
        var tls = new ClusterTlsSettings(
            r.Bool("keeper.cluster.tls.enabled"),
            r.String("keeper.cluster.tls.certificate"),
            r.String("keeper.cluster.tls.password-file"),
            r.String("keeper.cluster.tls.password-env"),
            r.Strings("keeper.cluster.tls.pinned-thumbprints"));
        if (tls.Enabled && string.IsNullOrWhiteSpace(tls.Certificate) && !r.Failed("keeper.cluster.tls.certificate"))
        {
            r.Report("keeper.cluster.tls.certificate", "is empty but keeper.cluster.tls.enabled is on; set the PKCS#12 file holding this node's certificate and key.");
        }

        var seeds = r.Strings("keeper.cluster.seed-nodes");
        if (!r.Failed("keeper.cluster.tls.enabled"))
        {
            r.Check(() => ClusterSeedNodes.Validate(seeds, tls.Enabled));
        }
        var cluster = new ClusterSettings(
            seeds,
            r.String("keeper.cluster.hostname"),
            r.Int("keeper.cluster.port", 0, 65535),
            r.String("keeper.cluster.public-hostname"),
            r.Int("keeper.cluster.public-port", 0, 65535),
            tls,
            r.Duration("keeper.cluster.failure-detector.heartbeat-interval", min: TimeSpan.FromMilliseconds(100)),
            r.Duration("keeper.cluster.failure-detector.acceptable-heartbeat-pause", min: TimeSpan.FromMilliseconds(100)),
            r.Duration("keeper.cluster.split-brain-resolver.stable-after", min: TimeSpan.FromMilliseconds(500)));
        if (string.IsNullOrWhiteSpace(cluster.Hostname) && !r.Failed("keeper.cluster.hostname"))
        {
            r.Report("keeper.cluster.hostname", "is empty; set the address remoting listens on (127.0.0.1 for this host only).");
        }

        if (cluster.AcceptableHeartbeatPause < cluster.HeartbeatInterval
            && !r.Failed("keeper.cluster.failure-detector.acceptable-heartbeat-pause") && !r.Failed("keeper.cluster.failure-detector.heartbeat-interval"))
        {
            r.Report("keeper.cluster.failure-detector.acceptable-heartbeat-pause",
                $"({cluster.AcceptableHeartbeatPause}) is shorter than keeper.cluster.failure-detector.heartbeat-interval ({cluster.HeartbeatInterval}): live members would be found unreachable; allow at least one heartbeat, usually two or more.");
        }

        return cluster;
    }

    // reference.conf documents defaults; it must not depend on the machine it runs on.
    private static string? NoEnvironment(string name) => null;

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> environment) =>
        name => environment.TryGetValue(name, out var value) ? value : null;

    private static HoconConfig Effective(HoconConfig file, IReadOnlyDictionary<string, string> environment, List<SettingsException>? errors)
    {
        var reference = ReferenceConfig.Value;
        return EnvironmentOverrides.Apply(file.WithFallback(reference), Keys.Value, environment, errors);
    }
}
