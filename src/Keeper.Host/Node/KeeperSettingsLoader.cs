using System.Globalization;
using System.Numerics;
using System.Reflection;
using Keeper.Chain.Primitives;
using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Node;

/// <summary>
/// Reads <see cref="KeeperSettings"/> from a HOCON file over the embedded reference.conf, validating every key once at
/// start-up: an error names the key, what is wrong and how to fix it.
/// </summary>
public static class KeeperSettingsLoader
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
        From(LoadConfig(path, environment));

    /// <summary>Parses HOCON text over the reference configuration, then applies <c>KEEPER_</c> overrides.</summary>
    /// <param name="text">The HOCON document.</param>
    /// <param name="sourceName">The name errors cite.</param>
    /// <param name="environment">The environment variables; defaults to the process environment (<see cref="ProcessEnvironment"/>).</param>
    /// <exception cref="HoconException">The text does not parse.</exception>
    /// <exception cref="SettingsException">A setting is unknown, missing or invalid.</exception>
    public static KeeperSettings Parse(string text, string sourceName, IReadOnlyDictionary<string, string>? environment = null) =>
        From(ParseConfig(text, sourceName, environment));

    /// <summary>
    /// The effective configuration <see cref="Load"/> reads: the file over reference.conf, <c>${VAR}</c> substitutions
    /// from <paramref name="environment"/>, then its <c>KEEPER_…__…</c> overrides (see hocon/reference.conf).
    /// </summary>
    /// <exception cref="HoconException">The file does not parse.</exception>
    /// <exception cref="SettingsException">An override is unknown or of the wrong type.</exception>
    public static HoconConfig LoadConfig(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        return Effective(HoconConfig.Load(path, Lookup(environment)), environment);
    }

    /// <summary>The effective configuration <see cref="Parse"/> reads (see <see cref="LoadConfig"/>).</summary>
    /// <exception cref="HoconException">The text does not parse.</exception>
    /// <exception cref="SettingsException">An override is unknown or of the wrong type.</exception>
    public static HoconConfig ParseConfig(string text, string sourceName, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        return Effective(HoconConfig.Parse(text, sourceName, null, Lookup(environment)), environment);
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
    /// <exception cref="SettingsException">A setting is unknown, missing or invalid.</exception>
    public static KeeperSettings From(HoconConfig config)
    {
        Keys.Value.ThrowIfUnknown(config.Root);
        var r = new Reader(config);
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
        var storeKind = r.String("keeper.store.kind") switch
        {
            "sqlite" => StoreKind.Sqlite,
            "postgres" => StoreKind.Postgres,
            var other => throw new SettingsException("keeper.store.kind", $"'{other}' is not a store kind; use sqlite or postgres."),
        };
        var store = new StoreSettings(storeKind, r.String("keeper.store.path"), r.String("keeper.store.connection-string"));
        if (storeKind == StoreKind.Postgres && string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            throw new SettingsException("keeper.store.connection-string", "is empty but keeper.store.kind is postgres; set it (for example from ${?KEEPER_STORE_CONNECTION}).");
        }

        if (storeKind == StoreKind.Sqlite && string.IsNullOrWhiteSpace(store.Path))
        {
            throw new SettingsException("keeper.store.path", "is empty; set the SQLite file path.");
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
        if (fees.MaxFeePerGas.IsZero)
        {
            throw new SettingsException("keeper.fees.max-fee-per-gas-gwei", "must be above 0: it is the most the keeper ever pays per gas.");
        }

        return new KeeperSettings(
            r.String("keeper.node.id"),
            chain,
            r.Address("keeper.rocketpool.storage"),
            r.Duration("keeper.rocketpool.settings-refresh", min: TimeSpan.FromSeconds(1)),
            new BeaconSettings(
                r.Uris("keeper.beacon.endpoints", required: false),
                r.Duration("keeper.beacon.check-interval", min: TimeSpan.FromSeconds(1)),
                r.ByteSize("keeper.beacon.ssz-max-size", 1024 * 1024, Array.MaxLength),
                r.Duration("keeper.beacon.ssz-request-timeout", min: TimeSpan.FromSeconds(1))),
            new SignerSettings(r.String("keeper.signer.keystore"), r.String("keeper.signer.password-file"), r.String("keeper.signer.password-env")),
            store,
            gate,
            fees,
            new ProfitSettings(r.Bool("keeper.profit.act-without-reward"), r.BigInteger("keeper.profit.min-profit-wei")),
            new TrackingNodeSettings(r.Duration("keeper.tracking.passivate-after", min: TimeSpan.FromSeconds(1)), (ulong)r.Long("keeper.tracking.checkpoint-every-blocks", 1, 100_000), (ulong)r.Long("keeper.tracking.accounts-refresh-blocks", 1, 1_000_000)),
            new HttpSettings(r.String("keeper.http.host"), r.Int("keeper.http.port", 0, 65535)),
            cluster)
        {
            AkkaHocon = Reader.Wrap(AkkaConfigSection.Section, () => AkkaConfigSection.Render(config)),
            Own = Own(r),
        };
    }

    private static OwnSettings Own(Reader r)
    {
        var addresses = r.Strings("keeper.own.node-addresses").Select((text, i) => Chain.Primitives.Address.TryParse(text, out var address)
            ? address
            : throw new SettingsException($"keeper.own.node-addresses[{i}]",
                $"'{text}' is not an address; list node operator addresses (0x followed by 40 hex digits), or leave the list empty to use the signing account's.")).ToArray();
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
                throw new SettingsException(key, $"{value} is more than a year; a warning that long before the deadline is noise. Use a lead time such as 72h or 6h.");
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
        if (tls.Enabled && string.IsNullOrWhiteSpace(tls.Certificate))
        {
            throw new SettingsException("keeper.cluster.tls.certificate", "is empty but keeper.cluster.tls.enabled is on; set the PKCS#12 file holding this node's certificate and key.");
        }

        var seeds = r.Strings("keeper.cluster.seed-nodes");
        ClusterSeedNodes.Validate(seeds, tls.Enabled);
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
        if (string.IsNullOrWhiteSpace(cluster.Hostname))
        {
            throw new SettingsException("keeper.cluster.hostname", "is empty; set the address remoting listens on (127.0.0.1 for this host only).");
        }

        if (cluster.AcceptableHeartbeatPause < cluster.HeartbeatInterval)
        {
            throw new SettingsException("keeper.cluster.failure-detector.acceptable-heartbeat-pause",
                $"({cluster.AcceptableHeartbeatPause}) is shorter than keeper.cluster.failure-detector.heartbeat-interval ({cluster.HeartbeatInterval}): live members would be found unreachable; allow at least one heartbeat, usually two or more.");
        }

        return cluster;
    }

    // reference.conf documents defaults; it must not depend on the machine it runs on.
    private static string? NoEnvironment(string name) => null;

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> environment) =>
        name => environment.TryGetValue(name, out var value) ? value : null;

    private static HoconConfig Effective(HoconConfig file, IReadOnlyDictionary<string, string> environment)
    {
        var reference = ReferenceConfig.Value;
        return EnvironmentOverrides.Apply(file.WithFallback(reference), Keys.Value, environment);
    }

    private sealed class Reader(HoconConfig config)
    {
        public string String(string key) => Wrap(key, () => config.GetString(key));

        public bool Bool(string key) => Wrap(key, () => config.GetBoolean(key));

        public int Int(string key, int min, int max) => Range(key, Wrap(key, () => config.GetInt(key)), min, max);

        public long Long(string key, long min, long max) => Range(key, Wrap(key, () => config.GetLong(key)), min, max);

        public double Double(string key, double min, double max) => Range(key, Wrap(key, () => config.GetDouble(key)), min, max);

        public long ByteSize(string key, long min, long max) => Range(key, Wrap(key, () => config.GetByteSize(key)), min, max);

        public TimeSpan Duration(string key, TimeSpan min)
        {
            var value = Wrap(key, () => config.GetDuration(key));
            return value >= min ? value : throw Invalid(key, $"{value} is too short; use at least {min} (durations like 250ms, 12s, 10m).");
        }

        public BigInteger Gwei(string key)
        {
            var text = String(key);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var gwei) || gwei < 0)
            {
                throw Invalid(key, $"'{text}' is not an amount of gwei; write a non-negative number such as 50 or 0.1.");
            }

            return new BigInteger(decimal.Round(gwei * 1_000_000_000m));
        }

        public BigInteger BigInteger(string key)
        {
            var text = String(key);
            return System.Numerics.BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Invalid(key, $"'{text}' is not a whole number of wei.");
        }

        public Address Address(string key)
        {
            var text = String(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Invalid(key, "is empty; set the contract's address (0x followed by 40 hex digits).");
            }

            return Chain.Primitives.Address.TryParse(text, out var address)
                ? address
                : throw Invalid(key, $"'{text}' is not an address (0x followed by 40 hex digits, with a valid EIP-55 checksum if mixed-case).");
        }

        public Address? OptionalAddress(string key) => string.IsNullOrWhiteSpace(String(key)) ? null : Address(key);

        public IReadOnlyList<string> Strings(string key) => Wrap(key, () => config.GetStringList(key));

        public IReadOnlyList<Uri> Uris(string key, bool required)
        {
            var list = Wrap(key, () => config.GetStringList(key));
            if (required && list.Count == 0)
            {
                throw Invalid(key, "is empty; give at least one endpoint, e.g. [\"http://127.0.0.1:8545\"].");
            }

            return list.Select((u, i) => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new SettingsException($"{key}[{i}]", "is not an http or https URL." + Where(config.GetValue(key) is HoconArray { } array ? array.Items[i] : null))).ToArray();
        }

        private T Range<T>(string key, T value, T min, T max)
            where T : IComparable<T> =>
            value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0 ? value : throw Invalid(key, $"{value} is out of range; use {min} to {max}.");

        // The value's own error, then where it was set: a file position, or the environment variable that overrode it.
        private SettingsException Invalid(string key, string problem) => new(key, problem + Where(config.GetValue(key)));

        private static string Where(HoconValue? value) => value?.Origin switch
        {
            null => string.Empty,
            { Source: ReferenceSource } => " This is reference.conf's default.",
            { Line: 0 } origin => $" Set by the {origin.Source}.",
            var origin => $" Set at {origin}.",
        };

        public static T Wrap<T>(string key, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (HoconException ex)
            {
                throw new SettingsException(key, ex.Message, ex);
            }
        }
    }
}
