using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Keeper.Host.Http;

/// <summary>
/// Ready (<c>/ready</c>): no <see cref="ReadinessRule"/> applies (the RPC answers, the chain watcher's first cold start or
/// resume is done and keeps up, the shared store answers, ...). A failure means: the node is up but cannot act yet (or
/// now); it names every reason. It reads only state in memory, so it answers at once even while the RPC hangs.
/// </summary>
/// <param name="readiness">The rules.</param>
public sealed class ReadyCheck(Readiness readiness) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reasons = readiness.NotReadyReasons();
        return Task.FromResult(reasons.Count == 0
            ? HealthCheckResult.Healthy(readiness.ReadyDescription())
            : HealthCheckResult.Unhealthy(string.Join("; ", reasons)));
    }
}
