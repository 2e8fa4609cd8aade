using System.CommandLine;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Keeper.Chain.Rpc;
using Keeper.Host.Http;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>
/// <c>keeper status [--url URL] [--status-file FILE]</c>: what a running node tracks, is about to do and has sent, and
/// why it is not ready if it is not, read from its HTTP API. A node that accepts the connection but answers too slowly is
/// told apart from one that is down (exit codes <see cref="ExitCodes.NodeSlow"/> and <see cref="ExitCodes.Failed"/>).
/// </summary>
public static class StatusCommand
{
    /// <summary>The default address: keeper.http's defaults in reference.conf.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private const int DeadlinesShown = 20;
    private const int OperatorsShown = 10;

    // The node writes its status file every second; a few missed writes still mean it runs.
    private static readonly TimeSpan StatusFileFresh = TimeSpan.FromSeconds(10);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = $"The node's HTTP address (keeper.http; logged at start and written to the status file). Default {DefaultUrl}.", DefaultValueFactory = _ => DefaultUrl };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the node.", DefaultValueFactory = _ => 10 };
        var statusFile = new Option<FileInfo?>("--status-file") { Description = "The node's status file (keeper run --status-file): when HTTP does not answer, its age tells whether the node still runs." };
        var command = new Command("status", "Show a running node's readiness, pools, upcoming deadlines, pending transactions and cluster members.") { url, timeout, statusFile };
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(url)!, TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))), result.GetValue(statusFile), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, string text, TimeSpan timeout, FileInfo? statusFile, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            // The text is not echoed: it may hold credentials.
            await error.WriteLineAsync($"keeper status: --url is not an http(s) URL; use e.g. {DefaultUrl}.");
            return ExitCodes.BadInput;
        }

        var shown = SecretMask.Url(url);

        // Connecting first tells a node that is down (nothing listens: refused) from one that runs but answers slowly.
        if (await ConnectAsync(url, timeout, cancellationToken) is { } down)
        {
            await error.WriteLineAsync(
                $"keeper status: cannot reach a keeper node at {shown}: {down}: the node is down or this is not its address.{FileNote(statusFile)} Is `keeper run` running, and is this its keeper.http address (logged at start)?");
            return ExitCodes.Failed;
        }

        using var http = new HttpClient { BaseAddress = url, Timeout = timeout };
        JsonElement status;
        PoolsView pools;
        DutiesView duties;
        TransactionsView transactions;
        MembersView members;
        OperatorsView operators;
        GoGoPoolView goGoPool;
        try
        {
            status = await GetAsync<JsonElement>(http, "/api/status", cancellationToken);
            pools = await GetAsync<PoolsView>(http, "/api/pools", cancellationToken);
            duties = await GetAsync<DutiesView>(http, "/api/duties", cancellationToken);
            transactions = await GetAsync<TransactionsView>(http, "/api/transactions", cancellationToken);
            members = await GetAsync<MembersView>(http, "/api/members", cancellationToken);
            operators = await GetAsync<OperatorsView>(http, "/api/operators", cancellationToken);
            goGoPool = await GetAsync<GoGoPoolView>(http, "/api/gogopool", cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(
                $"keeper status: the keeper node at {shown} accepted the connection but did not answer within {timeout.TotalSeconds:0} s: it runs, but answers slowly (overloaded or stopping).{FileNote(statusFile)} Try again, or a longer --timeout.");
            return ExitCodes.NodeSlow;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            // HttpClient's messages may quote the URL, credentials and all.
            var reason = ex is HttpRequestException { HttpRequestError: var httpError and not HttpRequestError.Unknown } ? httpError.ToString()
                : ex is HttpRequestException { StatusCode: { } code } ? $"HTTP {(int)code}"
                : ex is JsonException ? "the answer is not the keeper API's JSON"
                : "the request failed";
            await error.WriteLineAsync(
                $"keeper status: cannot reach a keeper node at {shown}: {reason}. Is `keeper run` running, and is this its keeper.http address (logged at start)?");
            return ExitCodes.Failed;
        }

        Print(output, status, pools, duties, transactions, members);
        PrintOperators(output, operators);
        PrintGoGoPool(output, goGoPool);
        return ExitCodes.Ok;
    }

    // Null once a TCP connection to the node's address is accepted; else why not.
    private static async Task<string?> ConnectAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await tcp.ConnectAsync(url.IdnHost, url.Port, limit.Token);
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused (nothing listens there)" : $"cannot connect ({ex.SocketErrorCode})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no connection within {timeout.TotalSeconds:0} s";
        }
    }

    // What the status file says about the node's process, when one was given.
    private static string FileNote(FileInfo? statusFile)
    {
        if (statusFile is null)
        {
            return string.Empty;
        }

        statusFile.Refresh();
        if (!statusFile.Exists)
        {
            return $" Its status file {statusFile.FullName} does not exist.";
        }

        var age = DateTime.UtcNow - statusFile.LastWriteTimeUtc;
        return age < StatusFileFresh
            ? $" Its status file was written {age.TotalSeconds:0} s ago: the node's process runs."
            : $" Its status file was last written {age.TotalSeconds:0} s ago: the node's process has stopped or hangs.";
    }

    private static void Print(TextWriter output, JsonElement json, PoolsView pools, DutiesView duties, TransactionsView transactions, MembersView members)
    {
        var status = json.Deserialize<NodeStatus>(HttpJson.Options) ?? throw new JsonException("GET /api/status answered null");
        var notReady = json.TryGetProperty("notReady", out var reasons) && reasons.ValueKind == JsonValueKind.Array
            ? reasons.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToArray()
            : [];
        output.WriteLine($"Node {status.NodeId} ({status.Address}): {(notReady.Length == 0 ? "ready" : "not ready: " + string.Join("; ", notReady))}");
        output.WriteLine(status.Ready ? $"Head: #{status.HeadNumber} at {Utc(status.HeadTimestamp)}" : "Head: none yet");
        if (json.TryGetProperty("rpc", out var rpc) && rpc.ValueKind == JsonValueKind.Array)
        {
            foreach (var endpoint in rpc.EnumerateArray().Select(e => e.Deserialize<RpcEndpointStatus>(HttpJson.Options)).OfType<RpcEndpointStatus>())
            {
                var state = endpoint.UnreachableSince is { } since ? $"unreachable since {ReadinessRules.Iso(since)}" : "up";
                var last = endpoint.LastSuccess is { } success ? $", last answer {ReadinessRules.Iso(success)}" : ", no answer yet";
                output.WriteLine($"RPC {endpoint.Label}: {state}{last}");
            }
        }

        output.WriteLine($"Pools tracked: {pools.Megapools} megapool(s), {pools.Minipools} minipool(s), {pools.LiveTrackers} tracker(s) live");
        output.WriteLine($"Upcoming deadlines: {duties.Due} due, {duties.Waiting} waiting");
        foreach (var duty in duties.Duties.Take(DeadlinesShown))
        {
            var when = duty.Due ? "due now" : duty.SecondsUntilDue is { } s ? $"in {Span(s)}" : "-";
            output.WriteLine($"  {Utc(duty.DueAt)}  {when,-12}  {duty.Key}{(duty.GateState is { } g ? $"  [{g}]" : string.Empty)}");
        }

        if (duties.Duties.Count > DeadlinesShown)
        {
            output.WriteLine($"  ... and {duties.Duties.Count - DeadlinesShown} more (GET /api/duties)");
        }

        var pending = transactions.Transactions.Where(t => t.State is "Created" or "Pending").ToArray();
        output.WriteLine($"Pending transactions: {pending.Length} (of {transactions.Transactions.Count}; next nonce {transactions.NextNonce})");
        foreach (var t in pending)
        {
            output.WriteLine($"  nonce {t.Nonce}  {t.State}  {t.TaskKey ?? "(self-transfer)"}  {t.Hash}");
        }

        output.WriteLine($"Cluster members: {members.Members.Count} (store {(members.StoreReachable ? "reachable" : "unreachable")})");
        foreach (var m in members.Members)
        {
            var position = m.Position is { } p ? $"{p}." : "-";
            output.WriteLine($"  {position} {m.Address}  {m.Status}  {m.NodeId}  {m.Node}{(m.Self ? "  (this node)" : string.Empty)}");
        }

        if (members.NextTurn is { } next)
        {
            output.WriteLine($"Next due task: {next.TaskKey} (due {next.DueAt}): turn of {next.Holder}{(next.HolderIsSelf ? " (this node)" : string.Empty)}");
        }
    }

    // The own operator first (the API's order), amounts in ETH rounded down to 6 decimals as `rocketpool node status` shows them.
    private static void PrintOperators(TextWriter output, OperatorsView operators)
    {
        output.WriteLine($"Operators: {operators.Operators.Count} (deposit credit / megapool debt / refund value, ETH)");
        foreach (var o in operators.Operators.Take(OperatorsShown))
        {
            var amounts = o.Block == 0 ? "not read yet" : $"credit {Eth(o.CreditWei)}  debt {Eth(o.DebtWei)}  refund {Eth(o.RefundWei)}  at #{o.Block}";
            output.WriteLine($"  {o.Node ?? "(node unknown)"}  megapool {o.Megapool}  {amounts}{(o.Own ? "  (own)" : string.Empty)}{(o.Problem is null ? string.Empty : "  [" + o.Problem + "]")}");
        }

        if (operators.Operators.Count > OperatorsShown)
        {
            output.WriteLine($"  ... and {operators.Operators.Count - OperatorsShown} more (GET /api/operators)");
        }
    }

    // keeper.gogopool: one line for the chain and the rewards cycle, then each standing alert (all of them: each needs an owner to act).
    private static void PrintGoGoPool(TextWriter output, GoGoPoolView goGoPool)
    {
        if (!goGoPool.Enabled)
        {
            return;
        }

        var cycle = goGoPool.RewardsCycle is { } c
            ? $"rewards cycle {c.Count}, the next may start at {(c.NextStartTime is { } next ? DateTimeOffset.FromUnixTimeSeconds((long)next).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : "(settings not read yet)")}"
            : "rewards cycle not read yet";
        output.WriteLine($"GoGoPool: chain {goGoPool.ChainId}, {(goGoPool.Head is { } head ? $"block {head.Number}" : "not synced yet")}, {goGoPool.Minipools.Count} minipools, {cycle}; {goGoPool.Alerts.Count} alert(s)");
        foreach (var a in goGoPool.Alerts)
        {
            output.WriteLine($"  {a.Kind}: minipool {a.NodeId} of {a.Owner}{(a.Own ? " (own)" : string.Empty)}, {a.Status}: {a.Message}");
        }
    }

    private static string Eth(string? wei)
    {
        if (wei is null)
        {
            return "-";
        }

        var micro = System.Numerics.BigInteger.Parse(wei, System.Globalization.CultureInfo.InvariantCulture) / 1_000_000_000_000;
        return $"{micro / 1_000_000}.{(int)(micro % 1_000_000):D6}";
    }

    private static async Task<T> GetAsync<T>(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(HttpJson.Options, cancellationToken)
            ?? throw new JsonException($"GET {path} answered an empty body");
    }

    private static string Utc(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string Span(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h" : span.TotalHours >= 1 ? $"{span.Hours}h {span.Minutes}m" : $"{span.Minutes}m {span.Seconds}s";
    }
}
