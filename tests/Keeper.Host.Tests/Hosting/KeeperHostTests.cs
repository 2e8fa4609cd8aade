using Keeper.Chain.Signing;
using Keeper.Host.Hosting;
using Keeper.Host.Node;
using Keeper.Host.Tests.Node;
using Xunit;

namespace Keeper.Host.Tests.Hosting;

/// <summary><see cref="KeeperHost"/> without a chain: what it refuses before anything is contacted.</summary>
public sealed class KeeperHostTests : IDisposable
{
    private readonly SettingsFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task StartAsync_NotPrepared_ThrowsNamingTheMissingStep()
    {
        // A dead endpoint: nothing may be contacted, since the chain and store checks never ran.
        var settings = KeeperSettingsLoader.Load(_files.Node("""chain.rpc = ["http://127.0.0.1:1"]"""), SettingsFiles.NoVariables);
        await using var app = KeeperHost.Build(settings, PrivateKey.Generate(), new KeeperHostOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Equal(
            "The node was not prepared: call KeeperHost.PrepareAsync before starting the host, so the chain and store checks run before the actor system.",
            error.Message);
    }

    [Fact]
    public void Build_HttpHostNotAnAddress_ThrowsNamingTheKey()
    {
        // The loader refuses such a file already; settings built in code reach the host's own check.
        var settings = KeeperSettingsLoader.Load(_files.Node(string.Empty), SettingsFiles.NoVariables) with { Http = new HttpSettings("example.org", 0) };

        var error = Assert.Throws<SettingsException>(() => KeeperHost.Build(settings, PrivateKey.Generate(), new KeeperHostOptions()));

        Assert.Equal("keeper.http.host", error.Key);
    }
}
