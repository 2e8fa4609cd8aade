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

    /// <summary>Called when a slow attempt is hedged: the endpoint still working on it, and the one tried beside it.</summary>
    public Action<RpcEndpoint, RpcEndpoint>? Hedged { get; init; }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails finally, or the attempts are spent. <paramref name="retrying"/>
    /// hears each retry: attempt number, the endpoint that failed, the next one, the wait before it, the failure.
    /// </summary>
    /// <exception cref="RotationExhaustedException{TFailure}">No attempt succeeded; it carries the last failure.</exception>
    public Task<T> RunAsync<T>(
        Func<RpcEndpoint, CancellationToken, Task<T>> attempt, Action<int, RpcEndpoint, RpcEndpoint, TimeSpan, TFailure> retrying, CancellationToken cancellationToken) =>
        RunAsync(attempt, retrying, null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync{T}(Func{RpcEndpoint, CancellationToken, Task{T}}, Action{int, RpcEndpoint, RpcEndpoint, TimeSpan, TFailure}, CancellationToken)"/>,
    /// and when <paramref name="hedgeAfter"/> is set and there is more than one endpoint, an attempt that has not ended
    /// within that delay gets a second one on the next endpoint beside it (each counts against the attempts); the first
    /// success wins and the others are canceled.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Func<RpcEndpoint, CancellationToken, Task<T>> attempt,
        Action<int, RpcEndpoint, RpcEndpoint, TimeSpan, TFailure> retrying,
        TimeSpan? hedgeAfter,
        CancellationToken cancellationToken)
    {
        var start = PreferredIndex;
        var retryNotBefore = new DateTimeOffset?[_endpoints.Length];
        var hedge = _endpoints.Length > 1 ? hedgeAfter : null;
        var running = new List<(Task<T> Task, RpcEndpoint Endpoint)>();
        var started = 0;
        var delay = TimeSpan.Zero;
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                if (running.Count == 0)
                {
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    }

                    Start();
                }

                using var hedgeTimer = CancellationTokenSource.CreateLinkedTokenSource(abandon.Token);
                var waitFor = running.Select(r => (Task)r.Task).ToList();
                Task? timer = null;
                // A hedge goes to an endpoint not already working on this call.
                if (hedge is { } after && started < _maxAttempts && !running.Exists(r => r.Endpoint == EndpointFor(start, started + 1)))
                {
                    timer = Task.Delay(after, _time, hedgeTimer.Token);
                    waitFor.Add(timer);
                }

                var finished = await Task.WhenAny(waitFor).ConfigureAwait(false);
                await hedgeTimer.CancelAsync().ConfigureAwait(false);
                if (finished == timer)
                {
                    var slow = running[^1].Endpoint;
                    Start();
                    Hedged?.Invoke(slow, running[^1].Endpoint);
                    continue;
                }

                var index = running.FindIndex(r => r.Task == finished);
                var endpoint = running[index].Endpoint;
                running.RemoveAt(index);
                try
                {
                    var result = await ((Task<T>)finished).ConfigureAwait(false);
                    if (Interlocked.Exchange(ref _preferred, endpoint.Index) != endpoint.Index)
                    {
                        Preferred?.Invoke(endpoint);
                    }

                    return result;
                }
                catch (TFailure failure)
                {
                    Failed?.Invoke();
                    retryNotBefore[endpoint.Index] = _retryNotBefore(failure);
                    if (_isFinal(failure) || (started >= _maxAttempts && running.Count == 0))
                    {
                        throw new RotationExhaustedException<TFailure>(started, endpoint, failure);
                    }

                    if (running.Count > 0)
                    {
                        // Another attempt is already under way: it is the retry.
                        retrying(started, endpoint, running[^1].Endpoint, TimeSpan.Zero, failure);
                        continue;
                    }

                    var next = EndpointFor(start, started + 1);
                    delay = DelayBefore(started + 1, retryNotBefore[next.Index]);
                    retrying(started, endpoint, next, delay, failure);
                }
            }
        }
        finally
        {
            // The losers of a hedge, or attempts left behind by a failure, stop now; their outcome is no longer news.
            await abandon.CancelAsync().ConfigureAwait(false);
            foreach (var (task, _) in running)
            {
                _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        void Start()
        {
            started++;
            var endpoint = EndpointFor(start, started);
            running.Add((attempt(endpoint, abandon.Token), endpoint));
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
