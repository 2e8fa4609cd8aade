using Keeper.Host.Configuration;
using Xunit;

namespace Keeper.Host.Tests.Configuration;

/// <summary>Units from lightbend/config HOCON.md "Duration format" and "Size in bytes format".</summary>
public sealed class HoconUnitsTests
{
    [Theory]
    [InlineData("28 days", 28L * 24 * 3600 * 10_000_000)]
    [InlineData("12h", 12L * 3600 * 10_000_000)]
    [InlineData("384s", 384L * 10_000_000)]
    [InlineData("250", 250L * 10_000)] // a bare number is milliseconds
    [InlineData("1.5 hours", 90L * 60 * 10_000_000)]
    [InlineData(" 10 ms ", 10L * 10_000)]
    [InlineData("1 millisecond", 10_000)]
    [InlineData("2 minutes", 2L * 60 * 10_000_000)]
    [InlineData("1m", 60L * 10_000_000)]
    [InlineData("1 d", 24L * 3600 * 10_000_000)]
    [InlineData("5us", 50)]
    [InlineData("3 micros", 30)]
    [InlineData("1000ns", 10)]
    [InlineData("150 nanoseconds", 1)] // finer than a tick: truncated
    [InlineData("1 second", 10_000_000)]
    public void TryParseDuration_SpecUnits_YieldTicks(string text, long ticks)
    {
        Assert.True(HoconUnits.TryParseDuration(text, out var value, out var problem), problem);
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("5 S", "unknown duration unit 'S'")] // duration units are lowercase only
    [InlineData("5 weeks", "unknown duration unit 'weeks'")]
    [InlineData("days", "expected a number followed by an optional unit")]
    [InlineData("", "expected a number followed by an optional unit")]
    [InlineData("99999999999999 days", "the duration is too long to represent")]
    public void TryParseDuration_Invalid_ExplainsWhy(string text, string problemStart)
    {
        Assert.False(HoconUnits.TryParseDuration(text, out _, out var problem));
        Assert.StartsWith(problemStart, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4096", 4096L)]
    [InlineData("10B", 10L)]
    [InlineData("10 bytes", 10L)]
    [InlineData("1kB", 1000L)]
    [InlineData("1 kilobyte", 1000L)]
    [InlineData("10MB", 10_000_000L)]
    [InlineData("2 GB", 2_000_000_000L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("512k", 512L * 1024)]
    [InlineData("1Ki", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("3 kibibytes", 3072L)]
    [InlineData("1M", 1L << 20)]
    [InlineData("1m", 1L << 20)]
    [InlineData("1MiB", 1L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("1G", 1L << 30)]
    [InlineData("2 tebibytes", 2L << 40)]
    [InlineData("1 EB", 1_000_000_000_000_000_000L)]
    [InlineData("7 EiB", 7L << 60)]
    public void TryParseByteSize_SpecUnits_YieldBytes(string text, long bytes)
    {
        Assert.True(HoconUnits.TryParseByteSize(text, out var value, out var problem), problem);
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("1 ZB", "the size does not fit in a 64-bit byte count")]
    [InlineData("8 EiB", "the size does not fit in a 64-bit byte count")]
    [InlineData("1.5B", "the size is not a whole number of bytes")]
    [InlineData("1 KB", "unknown size unit 'KB'")] // the spec spells the power-of-ten kilobyte "kB"
    [InlineData("1 mb", "unknown size unit 'mb'")]
    public void TryParseByteSize_Invalid_ExplainsWhy(string text, string problemStart)
    {
        Assert.False(HoconUnits.TryParseByteSize(text, out _, out var problem));
        Assert.StartsWith(problemStart, problem, StringComparison.Ordinal);
    }
}
