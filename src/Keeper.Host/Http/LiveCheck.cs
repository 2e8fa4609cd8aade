using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Keeper.Host.Http;

/// <summary>Live (<c>/health</c>): the process answers and the node's actor system runs. A failure means: restart the process.</summary>
/// <param name="node">The node.</param>
public sealed class LiveCheck(INodeView node) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(node.IsAlive
            ? HealthCheckResult.Healthy("the actor system runs")
            : HealthCheckResult.Unhealthy("the actor system has stopped"));
}
