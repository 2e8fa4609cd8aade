using System.Net;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Http;

/// <summary>The node's HTTP server (Kestrel) on <c>keeper.http.host</c>:<c>keeper.http.port</c>; port 0 picks a free port.</summary>
public sealed partial class KeeperHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KeeperHttpServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Binds and starts the server.</summary>
    /// <exception cref="SettingsException">keeper.http.host is not an IP address or localhost.</exception>
    /// <exception cref="IOException">The address is in use or cannot be bound.</exception>
    public static async Task<KeeperHttpServer> StartAsync(HttpSettings settings, INodeView node, ILoggerFactory loggerFactory, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(ParseHost(settings.Host), settings.Port);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Not the working directory: an appsettings.json lying there must not reconfigure the node.
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(KeeperHttpServer).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddKeeperHttp(node, timeProvider);
        var app = builder.Build();
        app.MapKeeperHttp();
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        var address = new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));
        var server = new KeeperHttpServer(app, address);
        LogListening(loggerFactory.CreateLogger<KeeperHttpServer>(), address.ToString(), bound);
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

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
}
