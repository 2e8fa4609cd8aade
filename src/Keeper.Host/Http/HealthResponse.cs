using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Keeper.Host.Http;

/// <summary>Writes a health report as <c>{"status":"Healthy","reason":"..."}</c> (the HTTP status is 200 or 503).</summary>
public static class HealthResponse
{
    /// <summary>The response writer for MapHealthChecks.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var reason = string.Join("; ", report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d)));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(
            JsonSerializer.Serialize(new { status = report.Status.ToString(), reason }, HttpJson.Options), context.RequestAborted);
    }
}
