using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keeper.Host.Http;

/// <summary>The dashboard at <c>/</c>: one self-contained HTML page (inline CSS and JS) that polls <c>/api/*</c>.</summary>
public static class Dashboard
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Keeper.Host.dashboard.html")
            ?? throw new InvalidOperationException("dashboard.html is not embedded in the keeper assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Maps <c>GET /</c>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(Html.Value, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
