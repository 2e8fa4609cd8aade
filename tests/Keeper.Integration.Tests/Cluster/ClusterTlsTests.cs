using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Keeper.Chain.Eth;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Integration.Tests.Node;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>Two keeper processes in one cluster over TLS, with a certificate the test makes; a seed of the wrong scheme is refused.</summary>
public sealed class ClusterTlsTests : KeeperProcessTestBase
{
    private const ulong Window = BlockSeconds * 3;

    [Fact]
    public async Task TwoNodesOverTls_ActionDoneOnce_PlainSeedRefusedByName()
    {
        var (certificate, passwordFile, thumbprint) = WriteCertificate();
        var tls = $$"""
            cluster.tls { enabled = on, certificate = "{{certificate}}", password-file = "{{passwordFile}}", pinned-thumbprints = ["{{thumbprint}}"] }
            """;

        // A seed written akka.tcp:// with TLS on would never connect (and flood the log): keeper run refuses it at once.
        var port1 = ClusterPort(1);
        var wrong = NodeFiles.Write(Work, "wrong", Chain.Keys[3], Chain.Node.RpcUrl, Harness, NodeFiles.Sqlite(Path.Combine(Work, "keeper.db")), BlockSeconds, gateEnabled: true,
            NodeFiles.Cluster(LoopbackPorts.Free(), [NodeFiles.SeedAddress(port1)]) + "\n" + tls);
        var (exitCode, _, error) = await KeeperCommandLine.RunAsync(null, TimeSpan.FromMinutes(1), "run", "--config", wrong);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(
            $"Setting 'keeper.cluster.seed-nodes[0]': '{NodeFiles.SeedAddress(port1)}' is a plain TCP address but keeper.cluster.tls.enabled is on: TLS members are reached at akka.ssl.tcp://. Write it as '{NodeFiles.SeedAddress(port1, tls: true)}'",
            error,
            StringComparison.Ordinal);

        ClusterTls = true;
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node1 = await StartKeeperAsync(1, FastStoreProbe + "\n" + tls);
        var node2 = await StartKeeperAsync(2, FastStoreProbe + "\n" + tls);
        await WaitForMembersAsync([node1, node2], 2);
        Assert.Contains($"at {NodeFiles.SeedAddress(port1, tls: true)}", Log("node-2"), StringComparison.Ordinal);
        await ManualMiningAsync();

        for (var t = dueAt - BlockSeconds; t <= dueAt + (2 * Window) && !await DissolvedAsync(megapool, id); t += BlockSeconds)
        {
            await MineAtSeenByAllAsync(t, [node1, node2]);
        }

        Assert.True(await DissolvedAsync(megapool, id), $"not done within two windows over TLS:\n{Log("node-1")}\n{Log("node-2")}");
        await MineAtSeenByAllAsync(dueAt + (3 * Window), [node1, node2]);
        Assert.Equal(1UL, await NonceAsync(1, BlockTag.Pending) + await NonceAsync(2, BlockTag.Pending));
    }

    // A self-signed certificate for client and server authentication in a password-protected PKCS#12 file; both nodes
    // present it and pin its thumbprint.
    private (string Path, string PasswordFile, string Thumbprint) WriteCertificate()
    {
        const string password = "cluster-test-password";
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=keeper-cluster-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = System.IO.Path.Combine(Work, "cluster.pfx");
        var passwordFile = System.IO.Path.Combine(Work, "cluster.password");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        File.WriteAllText(passwordFile, password);
        return (path, passwordFile, certificate.Thumbprint);
    }
}
