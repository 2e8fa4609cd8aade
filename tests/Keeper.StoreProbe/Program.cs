using System.Globalization;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;

// Claims tasks task-1, task-2, ... (window 0) in a SQLite claim database, one claim per transaction, printing
// "ack <n>" only after the claim of task-<n> committed for this member, and "lost <n>" when another member holds it, so a
// test that runs several probes, or kills one, knows exactly which claims were acknowledged to whom.
//
// Usage: Keeper.StoreProbe <store path> <member id> <count, 0 = until killed>
// Prints "ready" once the database is open, then waits for a line on stdin before claiming, so a test can start several
// probes and release them together. Ends with "done <claimed> <lost>".
if (args.Length != 3 || !long.TryParse(args[2], CultureInfo.InvariantCulture, out var count) || count < 0)
{
    await Console.Error.WriteLineAsync("usage: Keeper.StoreProbe <store path> <member id> <count, 0 = until killed>");
    return 2;
}

var (path, member) = (args[0], args[1]);
var options = new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(path)) { BusyTimeout = TimeSpan.FromSeconds(60) };
await using var database = await SqliteClaimDatabase.OpenAsync(options, TimeProvider.System, logger: null, CancellationToken.None);
var claims = new SqlClaimStore(database);
Console.WriteLine("ready");
_ = await Console.In.ReadLineAsync();

long claimed = 0;
long lost = 0;
for (long n = 1; count == 0 || n <= count; n++)
{
    var now = TimeProvider.System.GetUtcNow();
    var result = await claims.TryClaimAsync(new Claim($"task-{n}", 0, member, null, ClaimState.Pending, now, now), head: 0, CancellationToken.None);
    if (result.IsClaimed)
    {
        claimed++;
    }
    else
    {
        lost++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(result.IsClaimed ? "ack" : "lost")} {n}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {claimed} {lost}"));
return 0;
