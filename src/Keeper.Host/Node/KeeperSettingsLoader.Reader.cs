using System.Globalization;
using System.Numerics;
using Keeper.Chain.Primitives;
using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Node;

/// <content>The reader behind <see cref="KeeperSettingsLoader"/>: typed reads that record a wrong key and go on.</content>
public static partial class KeeperSettingsLoader
{
    // Reads keys, recording each failure (with its key) and standing in a value of the right type, so reading goes on.
    private sealed class Reader(HoconConfig config, List<SettingsException> errors)
    {
        private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

        public string String(string key) => Read(key, () => config.GetString(key), string.Empty);

        public bool Bool(string key) => Read(key, () => config.GetBoolean(key), false);

        public int Int(string key, int min, int max) => Read(key, () => Range(key, config.GetInt(key), min, max), min);

        public long Long(string key, long min, long max) => Read(key, () => Range(key, config.GetLong(key), min, max), min);

        public double Double(string key, double min, double max) => Read(key, () => Range(key, config.GetDouble(key), min, max), min);

        public long ByteSize(string key, long min, long max) => Read(key, () => Range(key, config.GetByteSize(key), min, max), min);

        public TimeSpan Duration(string key, TimeSpan min) => Read(key, () =>
        {
            var value = config.GetDuration(key);
            return value >= min ? value : throw Invalid(key, $"{value} is too short; use at least {min} (durations like 250ms, 12s, 10m).");
        }, min);

        public BigInteger Gwei(string key) => Read(key, () =>
        {
            var text = config.GetString(key);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var gwei) || gwei < 0)
            {
                throw Invalid(key, $"'{text}' is not an amount of gwei; write a non-negative number such as 50 or 0.1.");
            }

            return new BigInteger(decimal.Round(gwei * 1_000_000_000m));
        }, System.Numerics.BigInteger.Zero);

        public BigInteger BigInteger(string key) => Read(key, () =>
        {
            var text = config.GetString(key);
            return System.Numerics.BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Invalid(key, $"'{text}' is not a whole number of wei.");
        }, System.Numerics.BigInteger.Zero);

        public Address Address(string key) => Read(key, () =>
        {
            var text = config.GetString(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Invalid(key, "is empty; set the contract's address (0x followed by 40 hex digits).");
            }

            return Chain.Primitives.Address.TryParse(text, out var address)
                ? address
                : throw Invalid(key, $"'{text}' is not an address (0x followed by 40 hex digits, with a valid EIP-55 checksum if mixed-case).");
        }, Chain.Primitives.Address.Zero);

        public Address? OptionalAddress(string key) => string.IsNullOrWhiteSpace(String(key)) ? null : Address(key);

        public IReadOnlyList<string> Strings(string key) => Read(key, () => config.GetStringList(key), []);

        public IReadOnlyList<Uri> Uris(string key, bool required)
        {
            var list = Read(key, () =>
            {
                var list = config.GetStringList(key);
                return required && list.Count == 0 ? throw Invalid(key, "is empty; give at least one endpoint, e.g. [\"http://127.0.0.1:8545\"].") : list;
            }, []);
            var uris = new List<Uri>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (Uri.TryCreate(list[i], UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    uris.Add(uri);
                }
                else
                {
                    Report($"{key}[{i}]", "is not an http or https URL." + Where(config.GetValue(key) is HoconArray { } array ? array.Items[i] : null));
                }
            }

            return uris;
        }

        /// <summary>True when reading <paramref name="key"/> failed (checks that combine it with others are skipped).</summary>
        public bool Failed(string key) => _failed.Contains(key);

        /// <summary>Records a problem found by a check of the loader's own.</summary>
        public void Report(string key, string problem) => Record(new SettingsException(key, problem));

        /// <summary>Records a problem and returns <paramref name="standIn"/> in place of the bad value.</summary>
        public T Report<T>(string key, string problem, T standIn)
        {
            Report(key, problem);
            return standIn;
        }

        /// <summary>Runs a check that throws <see cref="SettingsException"/>, recording its error(s) instead.</summary>
        public void Check(Action check)
        {
            try
            {
                check();
            }
            catch (SettingsException ex)
            {
                Record(ex);
            }
        }

        public T Read<T>(string key, Func<T> read, T standIn)
        {
            try
            {
                return read();
            }
            catch (HoconException ex)
            {
                Record(new SettingsException(key, ex.Message, ex));
            }
            catch (SettingsException ex)
            {
                Record(ex);
            }

            return standIn;
        }

        private void Record(SettingsException error)
        {
            foreach (var each in error.Errors)
            {
                _failed.Add(each.Key);
                errors.Add(each);
            }
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
    }
}
