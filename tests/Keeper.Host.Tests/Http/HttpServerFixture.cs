using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Host.Tests.Http;

/// <summary>A <see cref="KeeperHttpServer"/> on a free loopback port over a <see cref="FakeNodeView"/>, with a client.</summary>
internal sealed class HttpServerFixture : IAsyncDisposable
{
    private HttpServerFixture(KeeperHttpServer server, FakeNodeView node)
    {
        Server = server;
        Node = node;
        Client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(20) };
    }

    public KeeperHttpServer Server { get; }

    public FakeNodeView Node { get; }

    public HttpClient Client { get; }

    // 30 s after the fake head's timestamp.
    public static DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(1_700_000_030);

    public static async Task<HttpServerFixture> StartAsync(FakeNodeView? node = null)
    {
        node ??= new FakeNodeView();
        var server = await KeeperHttpServer.StartAsync(new HttpSettings("127.0.0.1", 0), node, NullLoggerFactory.Instance, new FixedClock(Now), CancellationToken.None);
        return new HttpServerFixture(server, node);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
