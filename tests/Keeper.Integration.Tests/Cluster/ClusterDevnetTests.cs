using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>Several real keeper processes on one anvil chain, through the devnet: the gate against its ungated baseline.</summary>
public sealed class ClusterDevnetTests
{
    [Theory]
    [InlineData("sqlite", 3)]
    [InlineData("postgres", 4)]
    public async Task Gated_HundredPlusActions_AllDoneNoDuplicateNoRevert_TurnsSpreadEvenly(string store, int nodes)
    {
        var report = await RunAsync(new SeedShape(25, 8, 8), nodes, store, gate: true);

        Assert.True(report.Tasks.Due >= 100, $"only {report.Tasks.Due} actions fell due");
        Assert.Equal(report.Tasks.Due, report.Tasks.Done);
        Assert.Equal(report.Tasks.Due, report.Tasks.DoneByKeeper);
        Assert.Equal(0, report.Tasks.Duplicates);
        Assert.Equal(0, report.Tasks.Reverted);
        // Latency in blocks depends on the machine's load: it is measured by bench/ (cluster-gate), not asserted here.
        var fair = (double)report.Tasks.Due / nodes;
        Assert.All(report.Nodes, n => Assert.InRange(n.Submitted, fair * 0.7, fair * 1.3));
    }

    [Fact]
    public async Task Ungated_Baseline_EveryNodeSubmits_DuplicatesAndRevertsBurnGas()
    {
        var report = await RunAsync(new SeedShape(5, 4, 4), nodes: 3, "sqlite", gate: false);

        Assert.Equal(report.Tasks.Due, report.Tasks.Done);
        Assert.True(report.Tasks.Duplicates > 0, "without the gate, nodes race for the same actions");
        Assert.True(report.Nodes.Sum(n => n.Submitted) > report.Tasks.Due);
    }

    private static async Task<DevnetReport> RunAsync(SeedShape shape, int nodes, string store, bool gate)
    {
        var work = Directory.CreateTempSubdirectory("keeper-cluster-test-").FullName;
        try
        {
            var options = new DevnetOptions(nodes, store, shape.Megapools, shape.Validators, shape.Minipools, gate, null, BlockSeconds: 2, work);
            return await new DevnetRunner(options, TextWriter.Null).RunAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record SeedShape(int Megapools, int Validators, int Minipools);
}
