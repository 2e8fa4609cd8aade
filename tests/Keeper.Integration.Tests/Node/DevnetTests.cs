using System.Text.Json;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>The main job end to end: anvil, harness, seeded pools, a keeper process, chain time moved past every deadline.</summary>
public sealed class DevnetTests
{
    [Fact]
    public async Task Devnet_OneNode_EveryDueActionDoneOnceInItsFirstValidBlock()
    {
        var work = Directory.CreateTempSubdirectory("keeper-devnet-test-").FullName;
        try
        {
            var reportPath = Path.Combine(work, "report.json");
            var options = new DevnetOptions(Nodes: 1, Store: "sqlite", Megapools: 3, ValidatorsPerMegapool: 4, Minipools: 4, GateEnabled: true, reportPath, BlockSeconds: 2, work);

            var report = await new DevnetRunner(options, TextWriter.Null).RunAsync(CancellationToken.None);

            Assert.Equal(3 * 2 + 2, report.Tasks.Due);
            Assert.Equal(report.Tasks.Due, report.Tasks.Done);
            Assert.Equal(report.Tasks.Due, report.Tasks.DoneByKeeper);
            Assert.Equal(0, report.Tasks.Duplicates);
            Assert.Equal(0, report.Tasks.Reverted);
            // Latency in blocks depends on the machine's load: it is measured by bench/, not asserted here.
            Assert.Equal(report.Tasks.Due, Assert.Single(report.Nodes).Submitted);
            Assert.True(report.Rpc.Requests > 0);
            var written = JsonSerializer.Deserialize<DevnetReport>(await File.ReadAllTextAsync(reportPath), StatusFile.Json);
            Assert.Equal(report.Tasks, written!.Tasks);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
