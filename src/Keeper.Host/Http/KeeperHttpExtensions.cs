using System.Net;
using Keeper.Chain.Rpc;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Keeper.Host.Http;

/// <summary>
/// Registers and maps the node's HTTP surface (Kestrel on <c>keeper.http.host</c>:<c>keeper.http.port</c>, port 0 picks
/// a free port): live and ready checks, API, metrics and dashboard, all read through the registered <see cref="INodeView"/>.
/// </summary>
public static partial class KeeperHttpExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>
    /// Binds Kestrel to <paramref name="settings"/>' address, and registers the clock (the system clock unless one is
    /// registered), the gas ledger, the node's Prometheus registry with its process and runtime series, the RPC observer
    /// (<see cref="RpcMetrics"/>), the built-in readiness rules and the separate live and ready checks. The caller
    /// registers the <see cref="INodeView"/>.
    /// </summary>
    /// <exception cref="SettingsException">keeper.http.host is not an IP address or localhost.</exception>
    public static IServiceCollection AddKeeperHttp(this IServiceCollection services, HttpSettings settings)
    {
        var endpoint = new IPEndPoint(ParseHost(settings.Host), settings.Port);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(endpoint));
        services.TryAddSingleton(TimeProvider.System);
        // One registry per node, not prometheus-net's static default: tests run several nodes in one process.
        services.TryAddSingleton(_ =>
        {
            var registry = Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.TryAddSingleton<RpcMetrics>();
        services.TryAddSingleton<IRpcObserver>(sp => sp.GetRequiredService<RpcMetrics>());
        services.AddSingleton<NodeMetrics>();
        foreach (var rule in ReadinessRules.All)
        {
            services.AddSingleton(rule);
        }

        services.AddSingleton<Readiness>();
        services.AddHealthChecks()
            .AddCheck<LiveCheck>("live", tags: [LiveTag])
            .AddCheck<ReadyCheck>("ready", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Maps <c>/health</c> (live), <c>/ready</c> (ready), <c>/api/*</c>, <c>/metrics</c> and the dashboard at <c>/</c>,
    /// and logs the bound address once the host has started.
    /// </summary>
    public static WebApplication MapKeeperHttp(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync });
        app.MapKeeperApi();
        app.MapGet("/metrics", async (HttpContext context, NodeMetrics metrics) =>
        {
            context.Response.ContentType = NodeMetrics.ContentType;
            context.Response.Headers.CacheControl = "no-store";
            await metrics.ExportAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapDashboard();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var server = app.Services.GetRequiredService<IServer>();
            LogListening(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeeperHttpExtensions)), server.KeeperHttpAddress().ToString(), BoundAddress(server));
        });
        return app;
    }

    /// <summary>The address the started server serves the HTTP surface on, e.g. <c>http://127.0.0.1:8080/</c> (a wildcard binding as its loopback).</summary>
    /// <exception cref="InvalidOperationException">Kestrel has not bound an address (the host has not started).</exception>
    public static Uri KeeperHttpAddress(this IServer server) =>
        new(BoundAddress(server).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));

    /// <summary>The address of keeper.http.host: an IP address, or localhost for the loopback.</summary>
    /// <exception cref="SettingsException">It is neither.</exception>
    internal static IPAddress ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out var address)
            ? address
            : throw new SettingsException("keeper.http.host", $"'{host}' is not an IP address; use 127.0.0.1 (this host only, the default), localhost, or 0.0.0.0 (every interface).");
    }

    private static string BoundAddress(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address.");
}
