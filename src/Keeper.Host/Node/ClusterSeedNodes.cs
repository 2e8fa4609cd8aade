using Keeper.Host.Hosting;

namespace Keeper.Host.Node;

/// <summary>
/// Checks keeper.cluster.seed-nodes before anything starts. A seed written with the wrong scheme for the transport (plain
/// <c>akka.tcp</c> with TLS on, <c>akka.ssl.tcp</c> with it off) never connects, and Akka logs the failed handshakes
/// endlessly (gigabytes within minutes), so it is refused here by name, with the fix.
/// </summary>
public static class ClusterSeedNodes
{
    /// <summary>The scheme of plain TCP members.</summary>
    public const string PlainScheme = "akka.tcp";

    /// <summary>The scheme of TLS members.</summary>
    public const string TlsScheme = "akka.ssl.tcp";

    private const string Key = "keeper.cluster.seed-nodes";

    /// <summary>The address a member with this transport is reached at: <c>akka.tcp://keeper@host:port</c>.</summary>
    public static string Address(bool tls, string host, int port) => $"{(tls ? TlsScheme : PlainScheme)}://{KeeperActorsExtensions.ActorSystemName}@{host}:{port}";

    /// <summary>Refuses the first seed that is not a keeper member's address with the transport's scheme.</summary>
    /// <exception cref="SettingsException">A seed is malformed, names another actor system, or has the other transport's scheme.</exception>
    public static void Validate(IReadOnlyList<string> seeds, bool tls)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var scheme = tls ? TlsScheme : PlainScheme;
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var key = $"{Key}[{i}]";
            if (!Uri.TryCreate(seed, UriKind.Absolute, out var uri) || uri.Scheme is not (PlainScheme or TlsScheme) || uri.Port <= 0
                || !string.IsNullOrEmpty(uri.PathAndQuery.Trim('/')))
            {
                throw new SettingsException(key, $"'{seed}' is not a member address; write it as {Address(tls, "HOST", 4053).Replace("4053", "PORT", StringComparison.Ordinal)}.");
            }

            if (uri.UserInfo != KeeperActorsExtensions.ActorSystemName)
            {
                throw new SettingsException(key, $"'{seed}' names the actor system '{uri.UserInfo}'; keeper members are '{KeeperActorsExtensions.ActorSystemName}': {Address(tls, uri.Host, uri.Port)}.");
            }

            if (uri.Scheme != scheme)
            {
                var fix = Address(tls, uri.Host, uri.Port);
                throw new SettingsException(key, tls
                    ? $"'{seed}' is a plain TCP address but keeper.cluster.tls.enabled is on: TLS members are reached at {TlsScheme}://. Write it as '{fix}', or turn keeper.cluster.tls.enabled off on every node."
                    : $"'{seed}' is a TLS address but keeper.cluster.tls.enabled is off: plain members are reached at {PlainScheme}://. Write it as '{fix}', or turn keeper.cluster.tls.enabled on (with a certificate) on every node.");
            }
        }
    }
}
