using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Keeper.Host.Http;

/// <summary>Registers and maps the node's HTTP surface: health, readiness, API, metrics and dashboard.</summary>
public static class KeeperHttpExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>Registers the node view, the clock, the gas ledger and the separate live and ready checks.</summary>
    public static IServiceCollection AddKeeperHttp(this IServiceCollection services, INodeView node, TimeProvider timeProvider)
    {
        services.AddSingleton(node);
        services.AddSingleton(timeProvider);
        services.AddSingleton<GasLedger>();
        services.AddHealthChecks()
            .AddCheck<LiveCheck>("live", tags: [LiveTag])
            .AddCheck<ReadyCheck>("ready", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/health</c>, <c>/ready</c>, <c>/api/*</c>, <c>/metrics</c> and the dashboard at <c>/</c>.</summary>
    public static WebApplication MapKeeperHttp(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync });
        app.MapKeeperApi();
        app.MapGet("/metrics", async (INodeView node, GasLedger gas, TimeProvider time, CancellationToken ct) =>
        {
            try
            {
                return Results.Text(await KeeperMetrics.WriteAsync(node, gas, time, ct), PrometheusText.ContentType);
            }
            catch (Akka.Actor.AskTimeoutException)
            {
                return Results.Text("the node did not answer in time\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        app.MapDashboard();
        return app;
    }
}
