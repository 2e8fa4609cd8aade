using System.Globalization;
using System.Text;
using Keeper.Actors.Persistence;

// Appends events to one persistence id of a SQLite store, one event per transaction, printing "ack <sequenceNr>" only
// after each commit returns, so a test that kills this process knows exactly which writes were acknowledged.
//
// Usage: Keeper.StoreProbe <store path> <persistence id> <count, 0 = until killed>
// Prints "ready" once the store is open, then waits for a line on stdin before writing, so a test can start several
// probes and release them together. A write lost to another probe (JournalConcurrencyException) is retried with the
// next free sequence number. Ends with "done <written> <conflicts>".
if (args.Length != 3 || !long.TryParse(args[2], CultureInfo.InvariantCulture, out var count) || count < 0)
{
    await Console.Error.WriteLineAsync("usage: Keeper.StoreProbe <store path> <persistence id> <count, 0 = until killed>");
    return 2;
}

var (path, persistenceId) = (args[0], args[1]);
var options = new SqliteStoreOptions(path) { BusyTimeout = TimeSpan.FromSeconds(60) };
await using var store = await SqliteStore.OpenAsync(options, TimeProvider.System, logger: null, CancellationToken.None);
Console.WriteLine("ready");
_ = await Console.In.ReadLineAsync();

long written = 0;
long conflicts = 0;
while (count == 0 || written < count)
{
    var next = await store.HighestSequenceNrAsync(persistenceId, CancellationToken.None) + 1;
    var payload = Encoding.UTF8.GetBytes($"{persistenceId}#{next}");
    try
    {
        await store.WriteAsync([new JournalEntry(persistenceId, next, "Keeper.StoreProbe", payload)], CancellationToken.None);
    }
    catch (JournalConcurrencyException)
    {
        conflicts++;
        continue;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {next}"));
    written++;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {written} {conflicts}"));
return 0;
