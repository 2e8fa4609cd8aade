using System.Net;
using System.Net.Http.Headers;

namespace Keeper.Chain.Rpc;

/// <summary>The waits of the retry loop: exponential backoff and the node's <c>Retry-After</c>, both capped.</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first retry of an endpoint already tried):
    /// <c>InitialBackoff * BackoffMultiplier^(retry - 1)</c>, at most <c>MaxBackoff</c>.
    /// </summary>
    public static TimeSpan Exponential(FailoverClientOptions options, int retry) =>
        Exponential(options.InitialBackoff, options.BackoffMultiplier, options.MaxBackoff, retry);

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> for any client with the same backoff settings
    /// (the beacon client shares this policy): <c>initial * multiplier^(retry - 1)</c>, at most <paramref name="max"/>.
    /// </summary>
    public static TimeSpan Exponential(TimeSpan initial, double multiplier, TimeSpan max, int retry)
    {
        var ticks = initial.Ticks * Math.Pow(multiplier, retry - 1);
        return double.IsFinite(ticks) && ticks < max.Ticks ? TimeSpan.FromTicks((long)ticks) : max;
    }

    /// <summary>
    /// The time before which the endpoint asked not to be called again, from a <c>Retry-After</c> header in seconds
    /// or as an HTTP date; null when the response has none.
    /// </summary>
    public static DateTimeOffset? RetryNotBefore(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? now + Min(delta, TimeSpan.FromDays(1)) : now;
        }

        return retryAfter?.Date;
    }

    /// <summary>Whether an HTTP status means "busy, try later or elsewhere" rather than an answer.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
