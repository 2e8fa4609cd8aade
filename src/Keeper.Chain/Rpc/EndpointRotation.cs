namespace Keeper.Chain.Rpc;

/// <summary>
/// How Keeper's HTTP clients (JSON-RPC and beacon API) spread attempts over their endpoints: a call starts at the
/// endpoint that last answered, moves to the next on each failure, waits nothing on the first visit of each endpoint
/// (a dead primary costs one failure, not a backoff), and when it comes back to one already tried waits the exponential
/// backoff, or longer when that endpoint sent Retry-After, never more than the maximum.
/// </summary>
/// <typeparam name="TFailure">The failure of one attempt that may be retried.</typeparam>
internal sealed class EndpointRotation<TFailure>
    where TFailure : Exception
{
    private readonly RpcEndpoint[] _endpoints;
    private readonly int _maxAttempts;
    private readonly TimeSpan _initialBackoff;
    private readonly double _multiplier;
    private readonly TimeSpan _maxBackoff;
    private readonly TimeProvider _time;
    private readonly Func<TFailure, DateTimeOffset?> _retryNotBefore;
    private readonly Func<TFailure, bool> _isFinal;
    private int _preferred;

    public EndpointRotation(
        RpcEndpoint[] endpoints, int maxAttempts, TimeSpan initialBackoff, double multiplier, TimeSpan maxBackoff, TimeProvider time,
        Func<TFailure, DateTimeOffset?> retryNotBefore, Func<TFailure, bool>? isFinal = null)
    {
        _endpoints = endpoints;
        _maxAttempts = maxAttempts;
        _initialBackoff = initialBackoff;
        _multiplier = multiplier;
        _maxBackoff = maxBackoff;
        _time = time;
        _retryNotBefore = retryNotBefore;
        _isFinal = isFinal ?? (_ => false);
    }

    /// <summary>The endpoint a call starts at: the one that last answered.</summary>
    public int PreferredIndex => Volatile.Read(ref _preferred);

    /// <summary>Called for every failed attempt (for error counters).</summary>
    public Action? Failed { get; init; }

    /// <summary>Called when calls start at a different endpoint than before.</summary>
    public Action<RpcEndpoint>? Preferred { get; init; }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails finally, or the attempts are spent. <paramref name="retrying"/>
    /// hears each retry: attempt number, the endpoint that failed, the next one, the wait before it, the failure.
    /// </summary>
    /// <exception cref="RotationExhaustedException{TFailure}">No attempt succeeded; it carries the last failure.</exception>
    public async Task<T> RunAsync<T>(
        Func<RpcEndpoint, CancellationToken, Task<T>> attempt, Action<int, RpcEndpoint, RpcEndpoint, TimeSpan, TFailure> retrying, CancellationToken cancellationToken)
    {
        var start = PreferredIndex;
        var retryNotBefore = new DateTimeOffset?[_endpoints.Length];
        var delay = TimeSpan.Zero;
        for (var attempts = 1; ; attempts++)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            var endpoint = EndpointFor(start, attempts);
            try
            {
                var result = await attempt(endpoint, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _preferred, endpoint.Index) != endpoint.Index)
                {
                    Preferred?.Invoke(endpoint);
                }

                return result;
            }
            catch (TFailure failure)
            {
                Failed?.Invoke();
                if (_isFinal(failure) || attempts >= _maxAttempts)
                {
                    throw new RotationExhaustedException<TFailure>(attempts, endpoint, failure);
                }

                retryNotBefore[endpoint.Index] = _retryNotBefore(failure);
                var next = EndpointFor(start, attempts + 1);
                delay = DelayBefore(attempts + 1, retryNotBefore[next.Index]);
                retrying(attempts, endpoint, next, delay, failure);
            }
        }
    }

    private RpcEndpoint EndpointFor(int start, int attempt) => _endpoints[(start + attempt - 1) % _endpoints.Length];

    private TimeSpan DelayBefore(int attempt, DateTimeOffset? retryNotBefore)
    {
        if (attempt <= _endpoints.Length)
        {
            return TimeSpan.Zero;
        }

        var delay = RetryBackoff.Exponential(_initialBackoff, _multiplier, _maxBackoff, attempt - _endpoints.Length);
        var now = _time.GetUtcNow();
        if (retryNotBefore is { } notBefore && notBefore - now > delay)
        {
            delay = notBefore - now;
        }

        return delay < _maxBackoff ? delay : _maxBackoff;
    }
}
