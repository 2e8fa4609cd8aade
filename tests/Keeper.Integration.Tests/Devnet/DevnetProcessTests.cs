using System.Runtime.Versioning;
using System.Text.Json;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Integration.Tests.Host;
using Xunit;

namespace Keeper.Integration.Tests.Devnet;

/// <summary>
/// <c>keeper devnet</c> as an operator runs it, a real OS process: the dashboard printed as soon as the node listens, SIGINT
/// and SIGTERM leave no process it started and no secret in its work folder, <c>--keep</c> keeps everything running until
/// Ctrl-C (with <c>--gogopool</c>, both chains), and a used work folder is refused.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DevnetProcessTests : IDisposable
{
    // Builds are done by now; the start (anvil, harness, seeding, a node) takes seconds, more on a loaded machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    // Two megapool validators and one minipool fall due (the harness seeds every other one with a deadline).
    private static readonly string[] Small = ["--megapools", "1", "--validators", "4", "--minipools", "2", "--proof-duties", "0"];
    private readonly string _root = Directory.CreateTempSubdirectory("keeper-devnet-process-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("INT", "postgres")]
    [InlineData("TERM", "sqlite")]
    public async Task Signal_WhileTheNodeRuns_EveryChildProcessStoppedAndOnlyTheLogKept(string signal, string store)
    {
        var dir = Path.Combine(_root, "work");
        using var devnet = DevnetProcess.Start([.. Small, "--store", store, "--dir", dir]);
        var dashboard = new Uri((await devnet.WaitForLineAsync(@"^node-1 dashboard: (\S+)", StartTimeout)).Groups[1].Value);

        // The printed address is the node's own dashboard, served while the node starts.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _http.GetAsync(dashboard)).StatusCode);
        var started = ProcessTree.Descendants(devnet.Id);
        Assert.True(ProcessTree.IsAlive(Assert.Single(started, p => p.Name == "anvil")), "anvil should run while the node starts");
        Assert.Contains(started, p => p.CommandLine.Contains(" run --config " + Path.Combine(dir, "node-1.conf"), StringComparison.Ordinal));
        var pgData = store == "postgres" ? (await devnet.WaitForLineAsync(@"^PostgreSQL on .*, data in (\S+),", TimeSpan.Zero)).Groups[1].Value : null;
        if (pgData is not null)
        {
            Assert.Contains(started, p => p.Name == "postgres");
            Assert.True(Directory.Exists(pgData), $"{pgData} should hold the running server's files");
        }

        AssertOwnerOnly(Path.Combine(dir, "node-1.keystore.json"));
        AssertOwnerOnly(Path.Combine(dir, "node-1.password"));

        await devnet.SignalAsync(signal);
        var exitCode = await devnet.WaitForExitAsync(StopTimeout);

        Assert.True(exitCode == ExitCodes.Interrupted, $"keeper devnet exited {exitCode}, expected {ExitCodes.Interrupted} (interrupted):\n{devnet.Output}\n{devnet.Error}");
        Assert.Contains("every process it started has exited", devnet.Error, StringComparison.Ordinal);
        var left = started.Where(ProcessTree.IsAlive).Concat(ProcessTree.WithCommandLine(dir)).ToArray();
        Assert.True(left.Length == 0, $"still running after SIG{signal}: {string.Join("; ", left.Select(p => $"{p.Pid} {p.CommandLine}"))}");
        Assert.Equal(["node-1.log"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order());
        Assert.Contains($"kept in {dir}: node-1.log", devnet.Output, StringComparison.Ordinal);
        if (pgData is not null)
        {
            Assert.False(Directory.Exists(pgData), $"the PostgreSQL folder {pgData} should be removed");
        }
    }

    [Fact]
    public async Task Keep_AfterTheReport_ChainsAndNodesServeUntilSigint_ThenAllStopped()
    {
        var dir = Path.Combine(_root, "work");
        var reportPath = Path.Combine(dir, "report.json");
        using var devnet = DevnetProcess.Start([.. Small, "--nodes", "2", "--keep", "--dir", dir, "--report", reportPath, "--block-time", "1", "--gogopool", "10"]);
        var dashboard = new Uri((await devnet.WaitForLineAsync(@"^node-1 dashboard: (\S+)", StartTimeout)).Groups[1].Value);
        var anvil = new Uri((await devnet.WaitForLineAsync(@"^  anvil \(pid \d+\): (\S+),", StartTimeout)).Groups[1].Value);
        var gogopoolAnvil = new Uri((await devnet.WaitForLineAsync(@"^  GoGoPool anvil \(pid \d+\): (\S+),", StartTimeout)).Groups[1].Value);
        var started = ProcessTree.Descendants(devnet.Id);

        var report = JsonSerializer.Deserialize<DevnetReport>(await File.ReadAllTextAsync(reportPath), StatusFile.Json)!;
        Assert.Equal(new DevnetReportOptions(2, "sqlite", 1, 4, 2, 0, "on", 1, dir, Keep: true, reportPath, GoGoPool: 10), report.Options);
        // How many the keeper did at one-second blocks depends on the machine's load (Node/DevnetTests asserts all done).
        Assert.Equal(3 + 1, report.Tasks.Due);
        Assert.Equal(0, report.Tasks.Duplicates);
        Assert.Equal(0, report.Tasks.Reverted);
        // GoGoPool, on its own chain: the rewards cycle started once, by one of the two nodes (how soon depends on the load),
        // and each node raised every seeded alert once and none for the controls.
        var cycle = report.Tasks.ByKind["start-rewards-cycle:gogopool"];
        Assert.Equal((1, 1, 1, 0, 0), (cycle.Due, cycle.Done, cycle.DoneByKeeper, cycle.Duplicates, cycle.Reverted));
        var gogopool = report.GoGoPool!;
        Assert.Equal(5, gogopool.ExpectedAlerts.Count);
        Assert.Equal(["node-1", "node-2"], gogopool.Nodes.Select(n => n.Id));
        Assert.All(gogopool.Nodes, n =>
        {
            Assert.True(n.Error is null && n.Missing.Count == 0 && n.Unexpected.Count == 0, $"{n.Id}: error {n.Error}, missing [{string.Join(", ", n.Missing)}], unexpected [{string.Join(", ", n.Unexpected)}]");
            Assert.Equal(new Dictionary<string, int> { ["overdue"] = 3, ["not-withdrawn"] = 1, ["error"] = 1 }, n.Raised);
        });
        // After the report, the nodes still serve their dashboards and the chain still answers. Node 1's dashboard, in a
        // real browser, shows node 2 up and heard from.
        var dom = await Chromium.DumpDomAsync(dashboard, TimeSpan.FromSeconds(60));
        Assert.Matches(@"<tr data-node=""node-2""><td>\d</td><td>node-2</td><td>Up</td><td>\d+\.\d s ago</td>", dom);
        // The turns split the three tasks between the nodes (the gate's order is fixed by the task keys and signers), and node
        // 1's dashboard lists node 2's actions too, from the shared store's claims, with their gas and fee in its chain's coin.
        var byNode2 = Assert.Single(report.Nodes, n => n.Id == "node-2").Submitted;
        Assert.True(byNode2 > 0, "node 2 sent nothing, so the test cannot tell whether node 1 shows another member's action");
        Assert.Equal(byNode2, System.Text.RegularExpressions.Regex.Count(dom, @"<tr data-key=""[^""]+"" data-member=""node-2""><td>[^<]+</td><td>[^<]+</td><td class=""mono"">[^<]+</td><td>node-2</td><td>mined</td><td>\d+</td><td>\d+</td><td>0\.\d+ (ETH|AVAX)</td>"));
        using (var body = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}""", System.Text.Encoding.UTF8, "application/json"))
        {
            Assert.Contains("\"result\":\"0x", await (await _http.PostAsync(anvil, body)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var body = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", System.Text.Encoding.UTF8, "application/json"))
        {
            Assert.Contains("\"result\":\"0xa868\"", await (await _http.PostAsync(gogopoolAnvil, body)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, started.Count(p => p.Name == "anvil"));
        Assert.Contains(started, p => p.CommandLine.Contains(" run --config ", StringComparison.Ordinal));

        await devnet.SignalAsync("INT");
        var exitCode = await devnet.WaitForExitAsync(StopTimeout);

        Assert.True(exitCode == ExitCodes.Ok, $"keeper devnet --keep exited {exitCode} on Ctrl-C, expected {ExitCodes.Ok}:\n{devnet.Output}\n{devnet.Error}");
        var left = started.Where(ProcessTree.IsAlive).Concat(ProcessTree.WithCommandLine(dir)).ToArray();
        Assert.True(left.Length == 0, $"still running after SIGINT: {string.Join("; ", left.Select(p => $"{p.Pid} {p.CommandLine}"))}");
        Assert.Equal(["node-1.log", "node-2.log", "report.json"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Dir_NotEmpty_RefusedNamingTheFolderAndTheFix_StartsNothing()
    {
        var dir = Path.Combine(_root, "used");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "node-1.log"), "an earlier run's log");
        using var devnet = DevnetProcess.Start([.. Small, "--dir", dir]);

        var exitCode = await devnet.WaitForExitAsync(StopTimeout);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(
            $"keeper devnet: the work folder {dir} is not empty (it holds node-1.log). A devnet writes its own keystores, store and logs there, and "
            + "removes all but the logs when it ends: give --dir a new or empty folder, or leave --dir out for a new temporary one.",
            devnet.Error.Trim());
        Assert.DoesNotContain("starting anvil", devnet.Output, StringComparison.Ordinal);
        Assert.Equal("an earlier run's log", await File.ReadAllTextAsync(Path.Combine(dir, "node-1.log")));
    }

    private static void AssertOwnerOnly(string path) =>
        Assert.True(File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{path} is {File.GetUnixFileMode(path)}, expected 0600");
}
