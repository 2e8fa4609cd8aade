using System.Globalization;
using Keeper.Host.Http;

namespace Keeper.Host.Cli;

/// <summary>
/// The cluster's history as CSV (RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote
/// or a line break, quotes doubled): the record an operator keeps, or hands in to claim a bounty for keeper work.
/// </summary>
public static class HistoryCsv
{
    /// <summary>The header row's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "time", "task_key", "kind", "pool", "member", "window", "tx_hash", "block", "gas_used", "effective_gas_price_wei", "fee_wei", "fee_eth", "state", "currency",
    ];

    /// <summary>Writes the header and one row per entry, sorted by time (then task key and window).</summary>
    public static async Task WriteAsync(TextWriter output, IEnumerable<HistoryEntryView> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        await WriteRowAsync(output, Columns, cancellationToken);
        foreach (var e in entries.OrderBy(e => e.Time).ThenBy(e => e.TaskKey, StringComparer.Ordinal).ThenBy(e => e.Window))
        {
            await WriteRowAsync(
                output,
                [
                    Utc(e.Time), e.TaskKey, e.Kind, e.Pool, e.Member, e.Window.ToString(CultureInfo.InvariantCulture), e.TxHash, Number(e.Block), Number(e.GasUsed),
                    e.EffectiveGasPriceWei, e.FeeWei, e.FeeEth, e.State, e.Currency,
                ],
                cancellationToken);
        }
    }

    /// <summary>One field as RFC 4180 writes it.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A time as the report writes it: UTC, ISO 8601, milliseconds, <c>Z</c>.</summary>
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Number(ulong? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static async Task WriteRowAsync(TextWriter output, IEnumerable<string?> fields, CancellationToken cancellationToken)
    {
        await output.WriteAsync(string.Join(',', fields.Select(Field)).AsMemory(), cancellationToken);
        await output.WriteAsync("\r\n".AsMemory(), cancellationToken);
    }
}
