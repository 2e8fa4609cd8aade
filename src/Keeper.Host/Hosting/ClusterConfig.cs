using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Akka.Configuration;
using Akka.Remote.Transport.DotNetty;
using Keeper.Host.Node;

namespace Keeper.Host.Hosting;

/// <summary>
/// The one place keeper.cluster is mapped to Akka's settings: the cluster actor provider, remoting (DotNetty TCP, TLS
/// optional) on the configured address, this node's roles, the seed nodes, the failure detector and the split-brain
/// resolver (keep-majority).
/// </summary>
public static class ClusterConfig
{
    /// <summary>Akka's configuration for a member with <paramref name="roles"/> under <paramref name="cluster"/>.</summary>
    public static Config For(ClusterSettings cluster, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(roles);
        var text = new StringBuilder();
        text.AppendLine("akka.actor.provider = cluster");
        text.AppendLine("akka.remote.dot-netty.tcp {");
        text.AppendLine(CultureInfo.InvariantCulture, $"  hostname = {Quote(cluster.Hostname)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  port = {cluster.Port}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  public-hostname = {Quote(cluster.PublicHostname.Length > 0 ? cluster.PublicHostname : cluster.Hostname)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  public-port = {cluster.PublicPort}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  enable-ssl = {(cluster.Tls.Enabled ? "on" : "off")}");
        text.AppendLine("}");
        text.AppendLine("akka.cluster {");
        text.AppendLine(CultureInfo.InvariantCulture, $"  roles = [{string.Join(", ", roles.Select(Quote))}]");
        text.AppendLine(CultureInfo.InvariantCulture, $"  seed-nodes = [{string.Join(", ", cluster.SeedNodes.Select(Quote))}]");
        text.AppendLine(CultureInfo.InvariantCulture, $"  failure-detector.heartbeat-interval = {Duration(cluster.HeartbeatInterval)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  failure-detector.acceptable-heartbeat-pause = {Duration(cluster.AcceptableHeartbeatPause)}");
        text.AppendLine("  downing-provider-class = \"Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster\"");
        text.AppendLine("  split-brain-resolver.active-strategy = keep-majority");
        text.AppendLine(CultureInfo.InvariantCulture, $"  split-brain-resolver.stable-after = {Duration(cluster.StableAfter)}");
        // A downed member runs the coordinated shutdown, the host stops with it and keeper run exits 1: restart it to rejoin.
        text.AppendLine("  run-coordinated-shutdown-when-down = on");
        text.AppendLine("}");
        return ConfigurationFactory.ParseString(text.ToString());
    }

    /// <summary>
    /// The TLS setup for a certificate loaded by <see cref="ClusterCertificate"/>: both ends authenticate; with pinned
    /// thumbprints a peer must present one of those certificates, otherwise its chain must validate on this host.
    /// </summary>
    public static DotNettySslSetup Tls(X509Certificate2 certificate, ClusterTlsSettings tls)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(tls);
        var pinned = tls.PinnedThumbprints.Count > 0 ? CertificateValidation.PinnedCertificate([.. tls.PinnedThumbprints]) : null;
        return new DotNettySslSetup(certificate, suppressValidation: false, requireMutualAuthentication: true, validateCertificateHostname: false, pinned);
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Duration(TimeSpan value) => $"{(long)value.TotalMilliseconds}ms";
}
