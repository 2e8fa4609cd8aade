using Keeper.Chain.Rpc;
using Prometheus;

namespace Keeper.Host.Http;

/// <summary>
/// Counts the RPC client's attempts as they end, per endpoint (its safe label: index and <c>scheme://host:port</c>) and
/// JSON-RPC method (<c>batch</c> for a batch): requests, errors by kind, and latency.
/// </summary>
public sealed class RpcMetrics : IRpcObserver
{
    private readonly Counter _requests;
    private readonly Counter _errors;
    private readonly Histogram _duration;

    /// <summary>Registers the series in <paramref name="registry"/>.</summary>
    public RpcMetrics(CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        _requests = metrics.CreateCounter("keeper_rpc_requests_total", "HTTP requests sent to the execution client, each attempt once (hedges and retries included).", "endpoint", "method");
        _errors = metrics.CreateCounter(
            "keeper_rpc_errors_total", "Attempts that failed, by kind: timeout, connection, badanswer (HTTP 429/5xx, malformed or mismatched JSON), other.", "endpoint", "method", "kind");
        _duration = metrics.CreateHistogram(
            "keeper_rpc_request_duration_seconds",
            "How long attempts took until they ended (abandoned hedges excluded).",
            new HistogramConfiguration { LabelNames = ["endpoint", "method"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
    }

    /// <inheritdoc />
    public void Attempted(RpcAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        _requests.WithLabels(attempt.EndpointLabel, attempt.Method).Inc();
        switch (attempt.Outcome)
        {
            case RpcAttemptOutcome.Answered:
                _duration.WithLabels(attempt.EndpointLabel, attempt.Method).Observe(attempt.Duration.TotalSeconds);
                break;
            case RpcAttemptOutcome.Abandoned:
                break;
            default:
                _duration.WithLabels(attempt.EndpointLabel, attempt.Method).Observe(attempt.Duration.TotalSeconds);
                _errors.WithLabels(attempt.EndpointLabel, attempt.Method, attempt.Outcome.ToString().ToLowerInvariant()).Inc();
                break;
        }
    }
}
