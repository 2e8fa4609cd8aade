namespace Keeper.Host.Node;

/// <summary>keeper.cluster.tls.</summary>
/// <param name="Enabled">Whether members talk TLS (scheme <c>akka.ssl.tcp</c>).</param>
/// <param name="Certificate">The PKCS#12 file with this node's certificate and key.</param>
/// <param name="PasswordFile">The file holding its password (first line); empty: <paramref name="PasswordEnv"/>.</param>
/// <param name="PasswordEnv">The environment variable holding its password.</param>
/// <param name="PinnedThumbprints">Thumbprints of the certificates peers may present; empty: the chain must validate.</param>
public sealed record ClusterTlsSettings(bool Enabled, string Certificate, string PasswordFile, string PasswordEnv, IReadOnlyList<string> PinnedThumbprints);
