using System.Globalization;
using System.Numerics;
using System.Reflection;
using Keeper.Chain.Primitives;
using Keeper.Host.Configuration;

namespace Keeper.Host.Node;

/// <summary>
/// Reads <see cref="KeeperSettings"/> from a HOCON file over the embedded reference.conf, validating every key once at
/// start-up: an error names the key, what is wrong and how to fix it.
/// </summary>
public static class KeeperSettingsLoader
{
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

    /// <summary>Loads a file (which may include others) over the reference configuration.</summary>
    /// <exception cref="HoconException">The file does not parse; the message gives file, line and column.</exception>
    /// <exception cref="SettingsException">A setting is missing or invalid.</exception>
    public static KeeperSettings Load(string path, Func<string, string?>? environment = null)
    {
        var reference = HoconConfig.Parse(ReferenceConf, "reference.conf", null, environment);
        return From(HoconConfig.Load(path, environment).WithFallback(reference));
    }

    /// <summary>Parses HOCON text over the reference configuration.</summary>
    public static KeeperSettings Parse(string text, string sourceName, Func<string, string?>? environment = null)
    {
        var reference = HoconConfig.Parse(ReferenceConf, "reference.conf", null, environment);
        return From(HoconConfig.Parse(text, sourceName, null, environment).WithFallback(reference));
    }

    /// <summary>Builds the settings from a resolved configuration.</summary>
    /// <exception cref="SettingsException">A setting is missing or invalid.</exception>
    public static KeeperSettings From(HoconConfig config)
    {
        var r = new Reader(config);
        var chain = new ChainSettings(
            r.Uris("keeper.chain.rpc", required: true),
            r.Duration("keeper.chain.rpc-timeout", min: TimeSpan.FromMilliseconds(100)),
            r.Int("keeper.chain.rpc-attempts", 1, 100),
            r.Duration("keeper.chain.slot", min: TimeSpan.FromSeconds(1)),
            r.Duration("keeper.chain.poll-interval", min: TimeSpan.FromMilliseconds(50)),
            (ulong)r.Long("keeper.chain.log-range", 1, 1_000_000),
            r.Int("keeper.chain.history-depth", 2, 100_000),
            r.Int("keeper.chain.confirmations", 1, 64),
            r.OptionalAddress("keeper.chain.multicall3"));
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
            r.Duration("keeper.gate.heartbeat", min: TimeSpan.FromMilliseconds(100)),
            r.Duration("keeper.gate.suspicion-timeout", min: TimeSpan.FromMilliseconds(200)));
        if (gate.SuspicionTimeout <= gate.Heartbeat)
        {
            throw new SettingsException("keeper.gate.suspicion-timeout", $"({gate.SuspicionTimeout}) must be longer than keeper.gate.heartbeat ({gate.Heartbeat}), or live members would be suspected; a few heartbeats is usual.");
        }

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
            new BeaconSettings(r.Uris("keeper.beacon.endpoints", required: false), r.Duration("keeper.beacon.check-interval", min: TimeSpan.FromSeconds(1))),
            new SignerSettings(r.String("keeper.signer.keystore"), r.String("keeper.signer.password-file"), r.String("keeper.signer.password-env")),
            store,
            gate,
            fees,
            new ProfitSettings(r.Bool("keeper.profit.act-without-reward"), r.BigInteger("keeper.profit.min-profit-wei")),
            new TrackingNodeSettings(r.Duration("keeper.tracking.passivate-after", min: TimeSpan.FromSeconds(1)), (ulong)r.Long("keeper.tracking.checkpoint-every-blocks", 1, 100_000)),
            new HttpSettings(r.String("keeper.http.host"), r.Int("keeper.http.port", 0, 65535)));
    }

    private sealed class Reader(HoconConfig config)
    {
        public string String(string key) => Wrap(key, () => config.GetString(key));

        public bool Bool(string key) => Wrap(key, () => config.GetBoolean(key));

        public int Int(string key, int min, int max) => Range(key, Wrap(key, () => config.GetInt(key)), min, max);

        public long Long(string key, long min, long max) => Range(key, Wrap(key, () => config.GetLong(key)), min, max);

        public double Double(string key, double min, double max) => Range(key, Wrap(key, () => config.GetDouble(key)), min, max);

        public TimeSpan Duration(string key, TimeSpan min)
        {
            var value = Wrap(key, () => config.GetDuration(key));
            return value >= min ? value : throw new SettingsException(key, $"{value} is too short; use at least {min} (durations like 250ms, 12s, 10m).");
        }

        public BigInteger Gwei(string key)
        {
            var text = String(key);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var gwei) || gwei < 0)
            {
                throw new SettingsException(key, $"'{text}' is not an amount of gwei; write a non-negative number such as 50 or 0.1.");
            }

            return new BigInteger(decimal.Round(gwei * 1_000_000_000m));
        }

        public BigInteger BigInteger(string key)
        {
            var text = String(key);
            return System.Numerics.BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new SettingsException(key, $"'{text}' is not a whole number of wei.");
        }

        public Address Address(string key)
        {
            var text = String(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new SettingsException(key, "is empty; set the contract's address (0x followed by 40 hex digits).");
            }

            return Chain.Primitives.Address.TryParse(text, out var address)
                ? address
                : throw new SettingsException(key, $"'{text}' is not an address (0x followed by 40 hex digits, with a valid EIP-55 checksum if mixed-case).");
        }

        public Address? OptionalAddress(string key) => string.IsNullOrWhiteSpace(String(key)) ? null : Address(key);

        public IReadOnlyList<Uri> Uris(string key, bool required)
        {
            var list = Wrap(key, () => config.GetStringList(key));
            if (required && list.Count == 0)
            {
                throw new SettingsException(key, "is empty; give at least one endpoint, e.g. [\"http://127.0.0.1:8545\"].");
            }

            return list.Select((u, i) => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new SettingsException($"{key}[{i}]", "is not an http or https URL.")).ToArray();
        }

        private static T Range<T>(string key, T value, T min, T max)
            where T : IComparable<T> =>
            value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0 ? value : throw new SettingsException(key, $"{value} is out of range; use {min} to {max}.");

        private static T Wrap<T>(string key, Func<T> read)
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
