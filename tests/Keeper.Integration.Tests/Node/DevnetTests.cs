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
            Assert.Equal(["dissolve-megapool", "dissolve-minipool"], report.Tasks.ByKind.Keys);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Devnet_ProofDuties_EveryKindDoneOnceByTheKeeper()
    {
        var work = Directory.CreateTempSubdirectory("keeper-devnet-test-").FullName;
        try
        {
            var options = new DevnetOptions(Nodes: 1, Store: "sqlite", Megapools: 1, ValidatorsPerMegapool: 4, Minipools: 2, GateEnabled: true, null, BlockSeconds: 2, work, ProofDuties: 2);

            var report = await new DevnetRunner(options, TextWriter.Null).RunAsync(CancellationToken.None);

            Assert.Equal(2 + 1 + (3 * 2), report.Tasks.Due);
            // Per kind: due, done, and each done by the keeper once, none reverted (latency is measured by bench/, not here).
            Assert.Equal((2, 2, 2, 0, 0), Counts(report.Tasks.ByKind["dissolve-megapool"]));
            Assert.Equal((1, 1, 1, 0, 0), Counts(report.Tasks.ByKind["dissolve-minipool"]));
            foreach (var kind in new[] { "notify-exit", "dissolve-proof", "final-balance" })
            {
                Assert.Equal((2, 2, 2, 0, 0), Counts(report.Tasks.ByKind[kind]));
            }

            // Done is read from the chain: every action by the keeper, each once. Latency is measured by bench/ and docs/.
            Assert.Equal(report.Tasks.Due, report.Tasks.DoneByKeeper);
            Assert.Equal(report.Tasks.Due, Assert.Single(report.Nodes).Submitted);
            Assert.Equal(0, report.Tasks.Duplicates);
            Assert.Equal(0, report.Tasks.Reverted);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (int Due, int Done, int DoneByKeeper, int Duplicates, int Reverted) Counts(DevnetKindTasks kind) =>
        (kind.Due, kind.Done, kind.DoneByKeeper, kind.Duplicates, kind.Reverted);
}
