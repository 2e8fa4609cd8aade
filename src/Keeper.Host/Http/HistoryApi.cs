using Keeper.Actors.Persistence;
using Microsoft.AspNetCore.Http;

namespace Keeper.Host.Http;

/// <summary><c>/api/history?since=…&amp;until=…&amp;limit=…</c>: the cluster's claims from the shared store, with their cost.</summary>
internal static class HistoryApi
{
    /// <summary>Entries returned when the request names no limit.</summary>
    public const int DefaultLimit = 500;

    /// <summary>The most entries one request returns.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>How far back the history goes when the request names no start.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);

    public static async Task<IResult> AnswerAsync(INodeView node, TimeProvider time, string? since, string? until, int? limit, CancellationToken cancellationToken)
    {
        DateTimeOffset from;
        DateTimeOffset? to = null;
        if (since is null)
        {
            from = time.GetUtcNow() - DefaultSpan;
        }
        else if (!HistoryTime.TryParse(since, out from))
        {
            return BadRequest($"since '{since}' is not {HistoryTime.Format}");
        }

        if (until is not null)
        {
            if (!HistoryTime.TryParse(until, out var end))
            {
                return BadRequest($"until '{until}' is not {HistoryTime.Format}");
            }

            if (end < from)
            {
                return BadRequest($"until ({end:O}) is before since ({from:O})");
            }

            to = end;
        }

        var count = limit ?? DefaultLimit;
        if (count is < 1 or > MaxLimit)
        {
            return BadRequest($"limit {count} is out of range; use 1 to {MaxLimit}");
        }

        try
        {
            return Results.Json(MoneyViews.History(from, to, count, await node.GetHistoryAsync(from, to, count + 1, cancellationToken)), HttpJson.Options);
        }
        catch (StoreException e)
        {
            return Results.Json(new { error = $"the shared store did not answer: {e.Kind}" }, HttpJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult BadRequest(string error) => Results.Json(new { error }, HttpJson.Options, statusCode: StatusCodes.Status400BadRequest);
}
