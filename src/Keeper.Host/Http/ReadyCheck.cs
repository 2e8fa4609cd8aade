using Akka.Actor;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Keeper.Host.Http;

/// <summary>
/// Ready (<c>/ready</c>): the chain watcher's first cold start or resume is done and the shared store answers. A failure
/// means: the node is up but cannot act yet (or now); it names the reason.
/// </summary>
/// <param name="node">The node.</param>
public sealed class ReadyCheck(INodeView node) : IHealthCheck
{
    /// <summary>How long the node may take to answer before it counts as not ready.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!node.IsAlive)
        {
            return HealthCheckResult.Unhealthy("the actor system has stopped");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            var status = await node.GetStatusAsync(timeout.Token);
            return !status.Ready ? HealthCheckResult.Unhealthy("the chain watcher has not finished its first cold start or resume")
                : !status.StoreReachable ? HealthCheckResult.Unhealthy("the shared store does not answer")
                : HealthCheckResult.Healthy($"synced at block {status.HeadNumber}");
        }
        catch (Exception ex) when (ex is AskTimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy($"the node did not answer within {AnswerTimeout.TotalSeconds:0} s");
        }
    }
}
