using System.CommandLine;
using System.Numerics;
using System.Text;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Chain.Primitives;
using Keeper.Host.Configuration;
using Keeper.Host.Http;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>
/// <c>keeper report --config FILE --since DATE [--until DATE] [--out FILE]</c>: every member's actions from the shared
/// store's claim table (the configured SQLite file or PostgreSQL database, read directly: no node needs to run), with
/// gas and fees, as CSV (<see cref="HistoryCsv"/>).
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="environment">The environment variables the configuration reads; null: the process environment.</param>
    public static Command Create(IReadOnlyDictionary<string, string>? environment = null)
    {
        var config = new Option<FileInfo>("--config") { Description = "The node's HOCON configuration file: its keeper.store is read.", Required = true };
        var since = new Option<string>("--since") { Description = $"First claim time included: {HistoryTime.Format}.", Required = true };
        var until = new Option<string?>("--until") { Description = "Claims from this time on are left out (same formats). Default: none." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV to this file (replaced whole). Default: standard output." };
        var command = new Command("report", "Export every cluster member's actions with gas used and fees (wei and ETH) as CSV, from the shared store.")
        {
            config, since, until, output,
        };
        command.SetAction((result, ct) => RunAsync(
            result, result.GetValue(config)!, result.GetValue(since)!, result.GetValue(until), result.GetValue(output), environment, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult result, FileInfo config, string sinceText, string? untilText, FileInfo? output, IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        if (!HistoryTime.TryParse(sinceText, out var since))
        {
            await error.WriteLineAsync($"keeper report: --since '{sinceText}' is not {HistoryTime.Format}.");
            return ExitCodes.BadInput;
        }

        DateTimeOffset? until = null;
        if (untilText is not null)
        {
            if (!HistoryTime.TryParse(untilText, out var end))
            {
                await error.WriteLineAsync($"keeper report: --until '{untilText}' is not {HistoryTime.Format}.");
                return ExitCodes.BadInput;
            }

            if (end < since)
            {
                await error.WriteLineAsync($"keeper report: --until {HistoryCsv.Utc(end)} is before --since {HistoryCsv.Utc(since)}; give a later --until.");
                return ExitCodes.BadInput;
            }

            until = end;
        }

        StoreSettings store;
        try
        {
            store = KeeperSettingsLoader.Load(config.FullName, environment).Store;
            if (store.Kind == StoreKind.Sqlite && !File.Exists(store.Path))
            {
                throw new CliInputException($"the store file {Path.GetFullPath(store.Path)} (keeper.store.path) does not exist; point --config at the node's configuration.");
            }
        }
        catch (Exception ex) when (ex is SettingsException or HoconException or FileNotFoundException or CliInputException)
        {
            await error.WriteLineAsync($"keeper report: {ex.Message}");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<HistoryEntryView> entries;
        try
        {
            entries = (await ReadAsync(store.Location, since, until, cancellationToken)).Select(MoneyViews.Entry).ToArray();
        }
        catch (StoreException ex)
        {
            await error.WriteLineAsync($"keeper report: cannot read the store: {ex.Message}");
            return ExitCodes.Failed;
        }

        await WriteAsync(output, result.InvocationConfiguration.Output, entries, cancellationToken);
        var fee = entries.Aggregate(BigInteger.Zero, (sum, e) => sum + (e.FeeWei is { } w ? BigInteger.Parse(w, System.Globalization.CultureInfo.InvariantCulture) : BigInteger.Zero));
        await error.WriteLineAsync(
            $"keeper report: {entries.Count} action(s) from {HistoryCsv.Utc(since)}{(until is { } u ? " to " + HistoryCsv.Utc(u) : string.Empty)}, "
            + $"{entries.Count(e => e.Block is not null)} mined, {Ether.Format(fee)} ETH in fees{(output is null ? string.Empty : $", written to {output.FullName}")}.");
        return ExitCodes.Ok;
    }

    // The claim table of the node's own store, opened as a node opens it (a store of an older Keeper is brought to this
    // version's schema, as the node's next start would).
    private static async Task<IReadOnlyList<ClaimHistoryEntry>> ReadAsync(SqlStoreLocation location, DateTimeOffset since, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (location.Kind == SqlStoreKind.Postgres)
        {
            await using var pg = await PostgresClaimDatabase.OpenAsync(new PostgresClaimDatabaseOptions(location), TimeProvider.System, null, cancellationToken);
            return await new SqlClaimStore(pg).GetHistoryAsync(since, until, int.MaxValue, cancellationToken);
        }

        await using var sqlite = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(location), TimeProvider.System, null, cancellationToken);
        return await new SqlClaimStore(sqlite).GetHistoryAsync(since, until, int.MaxValue, cancellationToken);
    }

    // A file is written beside its destination and moved over it, so a reader never sees half a report.
    private static async Task WriteAsync(FileInfo? output, TextWriter console, IReadOnlyList<HistoryEntryView> entries, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await HistoryCsv.WriteAsync(console, entries, cancellationToken);
            await console.FlushAsync(cancellationToken);
            return;
        }

        var partial = output.FullName + ".partial";
        await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await HistoryCsv.WriteAsync(writer, entries, cancellationToken);
        }

        File.Move(partial, output.FullName, overwrite: true);
    }
}
