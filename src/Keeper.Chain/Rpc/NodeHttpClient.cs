using System.Net;

namespace Keeper.Chain.Rpc;

/// <summary>The HttpClient Keeper's node clients (JSON-RPC and beacon API) create when none is given.</summary>
internal static class NodeHttpClient
{
    public static HttpClient Create() => new(CreateHandler())
    {
        // Every attempt has its own request timeout; HttpClient's 100 s default would only get in the way.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The connection pool under <see cref="Create"/>, shared by the clients of several endpoints.</summary>
    public static SocketsHttpHandler CreateHandler() =>
        new()
        {
            AutomaticDecompression = DecompressionMethods.All,
            // A redirect could carry the request, and its credentials, to another host (and would turn a POST into a GET).
            AllowAutoRedirect = false,
            // Re-resolve DNS now and then: node providers move behind their names.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
}
