using System.Net;
using System.Text.Json;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Http;

/// <summary>
/// While a node prepares (before its actors and its full HTTP surface start), a minimal server on <c>keeper.http</c>'s
/// address answers <c>/health</c> (alive) and <c>/ready</c> (503, naming why the node is not ready yet, such as an
/// execution client that does not answer), so an orchestrator sees the reason instead of a refused connection. Every other
/// path is 503 as well. It is stopped just before the host takes the address over.
/// </summary>
public static partial class StartupEndpoints
{
    /// <summary>Starts the server; null, with a warning logged, when the address cannot be bound (the host's own start reports that).</summary>
    /// <param name="settings">keeper.http.</param>
    /// <param name="notReadyReason">Why the node is not ready, asked at every request.</param>
    /// <param name="logger">Receives a failure to bind.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WebApplication?> StartAsync(HttpSettings settings, Func<string> notReadyReason, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(StartupEndpoints).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(new IPEndPoint(KeeperHttpExtensions.ParseHost(settings.Host), settings.Port)));
        var app = builder.Build();
        app.MapGet("/health", context => WriteAsync(context, StatusCodes.Status200OK, "Healthy", "starting"));
        app.MapGet("/ready", context => WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Unhealthy", notReadyReason()));
        app.MapFallback(context => WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Unhealthy", notReadyReason()));
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch (IOException ex)
        {
            LogCouldNotListen(logger, settings.Host, settings.Port, ex.Message);
            await app.DisposeAsync();
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string health, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = health, reason }, HttpJson.Options), context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "While starting, /ready could not listen on {Host}:{Port}: {Reason}")]
    private static partial void LogCouldNotListen(ILogger logger, string host, int port, string reason);
}
