using System.Text.Json;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// <c>KEEPER_LOG_FORMAT</c> and <c>KEEPER_LOG_LEVEL</c> on a real <c>keeper run</c>: JSON lines a log shipper can read, and a
/// value the variable cannot take refused before anything starts. The node is pointed at a port nobody listens on, so it
/// logs that it waits for its execution client.
/// </summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("keeper-log-format-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Json_EveryLineIsOneJsonObjectWithTimeLevelCategoryAndMessage()
    {
        var config = Config();
        await using var node = NodeProcess.Start("node-1", "node-1", config, _work, new Dictionary<string, string> { [Logging.FormatVariable] = "json" });
        var log = Path.Combine(_work, "node-1.log");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var lines = Array.Empty<string>();
        while (!lines.Any(l => l.Contains("The execution client does not answer", StringComparison.Ordinal)))
        {
            Assert.False(node.HasExited, $"keeper exited:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no log)")}");
            await Task.Delay(200, timeout.Token);
            lines = File.Exists(log) ? (await File.ReadAllLinesAsync(log)).Where(l => l.Length > 0).ToArray() : [];
        }

        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", root.GetProperty("Timestamp").GetString());
            Assert.Contains(root.GetProperty("LogLevel").GetString(), new[] { "Information", "Warning", "Error", "Critical" });
            Assert.False(string.IsNullOrEmpty(root.GetProperty("Category").GetString()), line);
            Assert.False(string.IsNullOrEmpty(root.GetProperty("Message").GetString()), line);
        }
    }

    [Theory]
    [InlineData("KEEPER_LOG_LEVEL", "loud", "set it to trace, debug, information, warning, error, critical or none")]
    [InlineData("KEEPER_LOG_FORMAT", "xml", "set it to text (one line per entry, the default) or json")]
    public async Task BadValue_ExitsBadInputNamingTheVariable(string variable, string value, string fix)
    {
        var (exitCode, _, error) = await KeeperCommandLine.RunAsync(new Dictionary<string, string> { [variable] = value }, TimeSpan.FromSeconds(60), "run", "--config", Config());

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"keeper run: Setting '{variable}': is '{value}'; {fix}", error, StringComparison.Ordinal);
    }

    private string Config()
    {
        using var key = PrivateKey.Generate();
        var nowhere = Address.Parse("0x00000000000000000000000000000000000000aa");
        return NodeFiles.Write(_work, "node-1", key, new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}"), nowhere, nowhere,
            NodeFiles.Sqlite(Path.Combine(_work, "keeper.db")), blockSeconds: 2, gateEnabled: true);
    }
}
