namespace Keeper.Chain.Rpc;

/// <summary>
/// One endpoint's health, kept by its client from its own attempts, so anyone may read it at any time without sending a
/// request (a hung endpoint must not hang the question "is it hung?"). An attempt still outstanding past the attempt
/// deadline counts as a failure from its start: a request that never returns is the failure that matters most. Thread-safe.
/// </summary>
/// <param name="index">The endpoint's position in the configured list.</param>
/// <param name="label">Its safe label.</param>
/// <param name="attemptTimeout">The attempt deadline (<see cref="FailoverClientOptions.RequestTimeout"/>).</param>
public sealed class RpcEndpointHealth(int index, string label, TimeSpan attemptTimeout)
{
    private readonly object _gate = new();
    private readonly Dictionary<long, DateTimeOffset> _outstanding = [];
    private long _lastAttempt;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _failingSince;

    /// <summary>An attempt starts at <paramref name="at"/>; returns its id for <see cref="Ended"/>.</summary>
    public long Started(DateTimeOffset at)
    {
        lock (_gate)
        {
            var id = ++_lastAttempt;
            _outstanding[id] = at;
            return id;
        }
    }

    /// <summary>
    /// The attempt <paramref name="attempt"/> ended at <paramref name="at"/> with <paramref name="outcome"/>. Returns the
    /// time the endpoint had been failing since when this answer ends its failing (it answers again), the start of the
    /// failing when this failure begins it, else null: one change to log each way, however many attempts fail between.
    /// </summary>
    public (bool Failing, DateTimeOffset Since)? Ended(long attempt, RpcAttemptOutcome outcome, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_outstanding.Remove(attempt, out var started))
            {
                return null;
            }

            if (outcome == RpcAttemptOutcome.Answered)
            {
                _lastSuccess = at;
                var was = _failingSince;
                _failingSince = null;
                return was is { } since ? (false, since) : null;
            }

            if (outcome != RpcAttemptOutcome.Abandoned && AfterLastSuccess(started) && _failingSince is null)
            {
                // A request sent before the last answer and failing after it says nothing new about the endpoint.
                _failingSince = started;
                return (true, started);
            }

            return null;
        }
    }

    /// <summary>The endpoint's health at <paramref name="now"/>.</summary>
    public RpcEndpointStatus Status(DateTimeOffset now)
    {
        lock (_gate)
        {
            var since = _failingSince;
            foreach (var started in _outstanding.Values)
            {
                if (now - started >= attemptTimeout && AfterLastSuccess(started) && (since is null || started < since))
                {
                    since = started;
                }
            }

            return new RpcEndpointStatus(index, label, _lastSuccess, since, _outstanding.Count);
        }
    }

    private bool AfterLastSuccess(DateTimeOffset started) => _lastSuccess is not { } success || started >= success;
}
