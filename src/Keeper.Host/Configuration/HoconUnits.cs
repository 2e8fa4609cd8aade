using System.Globalization;

namespace Keeper.Host.Configuration;

/// <summary>
/// The duration and byte-size formats of HOCON.md "API Recommendations": a number, optional whitespace, an optional
/// unit made of letters. A bare number is in the family's default unit: milliseconds for durations, bytes for sizes.
/// Duration units are lowercase only; size units follow the spec's exact spellings (kB = 1000, K = KiB = 1024).
/// </summary>
public static class HoconUnits
{
    private static readonly Dictionary<string, decimal> DurationTicks = BuildDurationUnits();
    private static readonly Dictionary<string, decimal> SizeFactors = BuildSizeUnits();

    /// <summary>Parses <c>"28 days"</c>, <c>"12h"</c>, <c>"384s"</c>, <c>"250"</c> (milliseconds).</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="value">The duration; precision is one tick (100 ns), finer parts are truncated.</param>
    /// <param name="problem">Why the text is not a duration, when it is not.</param>
    public static bool TryParseDuration(string text, out TimeSpan value, out string? problem)
    {
        value = default;
        if (!TrySplit(text, out var number, out var unit, out problem))
        {
            return false;
        }

        if (!DurationTicks.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticksPerUnit))
        {
            problem = $"unknown duration unit '{unit}'; use ns, us, ms, s, m, h or d (or their long forms such as 'seconds' or 'days')";
            return false;
        }

        if (!TryScale(number, ticksPerUnit, out var ticks))
        {
            problem = "the duration is too long to represent";
            return false;
        }

        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Parses <c>"512K"</c>, <c>"10 MB"</c>, <c>"1.5GiB"</c>, <c>"4096"</c> (bytes) into a byte count.</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="value">The number of bytes.</param>
    /// <param name="problem">Why the text is not a size, when it is not.</param>
    public static bool TryParseByteSize(string text, out long value, out string? problem)
    {
        value = 0;
        if (!TrySplit(text, out var number, out var unit, out problem))
        {
            return false;
        }

        if (!SizeFactors.TryGetValue(unit.Length == 0 ? "B" : unit, out var factor))
        {
            problem = $"unknown size unit '{unit}'; use B, kB/MB/GB/TB (powers of 1000) or K/KiB, M/MiB, G/GiB, T/TiB (powers of 1024)";
            return false;
        }

        decimal exact;
        try
        {
            exact = number * factor;
        }
        catch (OverflowException)
        {
            problem = "the size does not fit in a 64-bit byte count";
            return false;
        }

        if (exact != decimal.Truncate(exact))
        {
            problem = "the size is not a whole number of bytes";
            return false;
        }

        if (exact is > long.MaxValue or < long.MinValue)
        {
            problem = "the size does not fit in a 64-bit byte count";
            return false;
        }

        value = (long)exact;
        return true;
    }

    private static bool TrySplit(string text, out decimal number, out string unit, out string? problem)
    {
        var trimmed = text.Trim();
        var split = trimmed.Length;
        while (split > 0 && char.IsLetter(trimmed[split - 1]))
        {
            split--;
        }

        unit = trimmed[split..];
        var digits = trimmed[..split].TrimEnd();
        problem = null;
        if (digits.Length == 0 || !decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            number = 0;
            problem = "expected a number followed by an optional unit";
            return false;
        }

        return true;
    }

    private static bool TryScale(decimal number, decimal factor, out long result)
    {
        result = 0;
        try
        {
            var scaled = decimal.Truncate(number * factor);
            if (scaled is > long.MaxValue or < long.MinValue)
            {
                return false;
            }

            result = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> BuildDurationUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }

    private static Dictionary<string, decimal> BuildSizeUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1, ["b"] = 1, ["byte"] = 1, ["bytes"] = 1,
        };
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string Letters = "KMGTPEZY";
        decimal ten = 1, two = 1;
        for (var i = 0; i < Letters.Length; i++)
        {
            ten *= 1000;
            two *= 1024;
            var upper = Letters[i].ToString();
            var decimalSymbol = i == 0 ? "kB" : upper + "B";
            foreach (var name in new[] { decimalSymbol, decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                units[name] = ten;
            }

            foreach (var name in new[] { upper, upper.ToLowerInvariant(), upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units[name] = two;
            }
        }

        return units;
    }
}
