using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Keeper.Actors.Cluster;
using Keeper.Chain.Primitives;
using Keeper.Host.Hosting;
using Keeper.Host.Node;
using Keeper.Host.Tests.Node;
using Xunit;

namespace Keeper.Host.Tests.Hosting;

public sealed class ClusterConfigTests : IDisposable
{
    private static readonly Address Signer = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private readonly SettingsFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void For_ReferenceDefaults_ClusterProviderOnLoopbackWithTheTunedDetectorAndKeepMajority()
    {
        var settings = KeeperSettingsLoader.Parse($"keeper.rocketpool.storage = \"{SettingsFiles.Storage}\"", "inline", SettingsFiles.NoVariables);

        var config = ClusterConfig.For(settings.Cluster, KeeperRoles.For(Signer, "node-1"));

        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal(("127.0.0.1", 0, false), (config.GetString("akka.remote.dot-netty.tcp.hostname"), config.GetInt("akka.remote.dot-netty.tcp.port"), config.GetBoolean("akka.remote.dot-netty.tcp.enable-ssl")));
        Assert.Equal(["keeper", "keeper-signer:" + Signer.ToLowerHex(), "keeper-node:node-1"], config.GetStringList("akka.cluster.roles"));
        Assert.Empty(config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.StartsWith("Akka.Cluster.SBR.SplitBrainResolverProvider", config.GetString("akka.cluster.downing-provider-class"), StringComparison.Ordinal);
    }

    [Fact]
    public void For_OperatorSettings_SeedsAddressTlsAndDetectorMapped()
    {
        var settings = KeeperSettingsLoader.Parse($$"""
            keeper {
              rocketpool.storage = "{{SettingsFiles.Storage}}"
              cluster {
                seed-nodes = ["akka.ssl.tcp://keeper@10.0.0.1:4053", "akka.ssl.tcp://keeper@10.0.0.2:4053"]
                hostname = "10.0.0.2"
                port = 4053
                public-hostname = "keeper-2.example"
                public-port = 14053
                tls { enabled = on, certificate = "node.pfx" }
                failure-detector { heartbeat-interval = 1s, acceptable-heartbeat-pause = 5s }
                split-brain-resolver.stable-after = 10s
              }
            }
            """, "inline", SettingsFiles.NoVariables);

        var config = ClusterConfig.For(settings.Cluster, KeeperRoles.For(Signer, "node \"2\""));

        Assert.Equal(["akka.ssl.tcp://keeper@10.0.0.1:4053", "akka.ssl.tcp://keeper@10.0.0.2:4053"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(("10.0.0.2", 4053), (config.GetString("akka.remote.dot-netty.tcp.hostname"), config.GetInt("akka.remote.dot-netty.tcp.port")));
        Assert.Equal(("keeper-2.example", 14053), (config.GetString("akka.remote.dot-netty.tcp.public-hostname"), config.GetInt("akka.remote.dot-netty.tcp.public-port")));
        Assert.True(config.GetBoolean("akka.remote.dot-netty.tcp.enable-ssl"));
        Assert.Equal("keeper-node:node \"2\"", config.GetStringList("akka.cluster.roles")[2]);
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
    }

    [Fact]
    public void CertificateLoad_PasswordFromFileOrEnvironment_WrongOrMissingNamesTheKey()
    {
        var path = Path.Combine(_files.Directory, "node.pfx");
        using (var key = ECDsa.Create())
        {
            using var certificate = new CertificateRequest("CN=keeper-test", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "secret"));
        }

        var passwordFile = _files.Write("secret\n", "cert.password");
        var fromFile = new ClusterTlsSettings(true, path, passwordFile, "UNUSED", []);
        var fromEnvironment = fromFile with { PasswordFile = string.Empty, PasswordEnv = "KEEPER_TEST_CERT_PASSWORD" };

        using (var loaded = ClusterCertificate.Load(fromFile, _ => null))
        {
            Assert.True(loaded.HasPrivateKey);
        }

        using (var loaded = ClusterCertificate.Load(fromEnvironment, name => name == "KEEPER_TEST_CERT_PASSWORD" ? "secret" : null))
        {
            Assert.Equal("CN=keeper-test", loaded.Subject);
        }

        Assert.Equal("keeper.cluster.tls.certificate", Assert.Throws<SettingsException>(() => ClusterCertificate.Load(fromEnvironment, _ => "wrong")).Key);
        Assert.Equal("keeper.cluster.tls.password-env", Assert.Throws<SettingsException>(() => ClusterCertificate.Load(fromEnvironment, _ => null)).Key);
        Assert.Equal("keeper.cluster.tls.certificate", Assert.Throws<SettingsException>(() => ClusterCertificate.Load(fromFile with { Certificate = path + ".missing" }, _ => null)).Key);
    }
}
