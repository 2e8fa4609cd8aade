using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Tests.Http;

/// <summary>
/// The node's HTTP surface (<see cref="KeeperHttpExtensions.AddKeeperHttp"/> and <see cref="KeeperHttpExtensions.MapKeeperHttp"/>,
/// as <c>keeper run</c> hosts it) on a free loopback port over a <see cref="FakeNodeView"/>, with a client.
/// </summary>
internal sealed class HttpServerFixture : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpServerFixture(WebApplication app, FakeNodeView node)
    {
        _app = app;
        Node = node;
        Address = app.Services.GetRequiredService<IServer>().KeeperHttpAddress();
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>The bound address.</summary>
    public Uri Address { get; }

    public FakeNodeView Node { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient Client { get; }

    // 30 s after the fake head's timestamp.
    public static DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(1_700_000_030);

    public static async Task<HttpServerFixture> StartAsync(FakeNodeView? node = null, HttpSettings? settings = null, Action<IServiceCollection>? services = null)
    {
        node ??= new FakeNodeView();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSingleton<INodeView>(node)
            .AddKeeperHttp(settings ?? new HttpSettings("127.0.0.1", 0));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapKeeperHttp();
        await app.StartAsync();
        return new HttpServerFixture(app, node);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
