using System.CommandLine;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.GoGoPool;

namespace Keeper.Host.Cli;

/// <summary><c>keeper devnet</c>: the project's main job on the embedded defaults.</summary>
public static class DevnetCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var nodes = new Option<int>("--nodes") { Description = "Keeper nodes, each a separate process with its own account.", DefaultValueFactory = _ => 1 };
        var store = new Option<string>("--store") { Description = "Shared store of the nodes.", DefaultValueFactory = _ => "sqlite" };
        store.AcceptOnlyFromAmong("sqlite", "postgres");
        var megapools = new Option<int>("--megapools") { Description = "Megapools to seed.", DefaultValueFactory = _ => 10 };
        var validators = new Option<int>("--validators") { Description = "Validators per megapool.", DefaultValueFactory = _ => 4 };
        var minipools = new Option<int>("--minipools") { Description = "Legacy minipools to seed.", DefaultValueFactory = _ => 10 };
        var gate = new Option<string>("--gate") { Description = "on: the round-robin gate; off: every node submits what it sees due (baseline).", DefaultValueFactory = _ => "on" };
        gate.AcceptOnlyFromAmong("on", "off");
        var report = new Option<FileInfo?>("--report") { Description = "Write the JSON report to this file." };
        var blockTime = new Option<int>("--block-time") { Description = "Seconds between blocks while the keepers run.", DefaultValueFactory = _ => 2 };
        var proofDuties = new Option<int>("--proof-duties")
        {
            Description = "Validators of each proof kind to seed: exits nobody reports, wrong withdrawal credentials, final withdrawals (0: none).",
            DefaultValueFactory = _ => 2,
        };
        var gogopool = new Option<int>("--gogopool")
        {
            Description = "GoGoPool minipools to seed on a second anvil (chain id 43112), in every status, so each alert rule fires once and the "
                + "rewards cycle falls due once (0: no GoGoPool chain; 9 or more seed every case).",
            DefaultValueFactory = _ => 0,
        };
        var dir = new Option<DirectoryInfo?>("--dir")
        {
            Description = "Work folder, new or empty (default: a new keeper-devnet-* folder in the temporary folder). It holds node configs, keystores, "
                + "the store and node logs; when the devnet ends or is stopped, only the logs (node-N.log) and a --report written there stay.",
        };
        var keep = new Option<bool>("--keep")
        {
            Description = "After the report, leave the chain, the beacon node and the keeper nodes (and their dashboards) running until Ctrl-C or SIGTERM.",
        };
        var command = new Command(
            "devnet",
            "Run keepers against a local anvil chain with the Rocket Pool harness (and with --gogopool a second one with the GoGoPool harness), and report. It prints each node's dashboard as soon as the node listens. "
            + "Ctrl-C (SIGINT) or SIGTERM stops every process it started (anvil, keeper nodes, PostgreSQL) and cleans its work folder.")
        {
            nodes, store, megapools, validators, minipools, gate, report, blockTime, proofDuties, gogopool, dir, keep,
        };
        command.SetAction(async (result, ct) =>
        {
            var problem = result.GetValue(nodes) is < 1 or > 8 ? "--nodes must be 1 to 8 (the dev chain funds 10 accounts)."
                : result.GetValue(megapools) < 0 || result.GetValue(validators) < 0 || result.GetValue(minipools) < 0 ? "--megapools, --validators and --minipools cannot be negative."
                : result.GetValue(blockTime) is < 1 or > 60 ? "--block-time must be 1 to 60 seconds."
                : result.GetValue(proofDuties) is < 0 or > 100 ? "--proof-duties must be 0 to 100 validators of each kind."
                : result.GetValue(gogopool) is < 0 or > GoGoPoolSeedPlan.MaxMinipools
                    ? $"--gogopool must be 0 (no GoGoPool chain) to {GoGoPoolSeedPlan.MaxMinipools} minipools (each is seeded in a block of its own); 9 or more seed every case."
                : null;
            if (problem is not null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"keeper devnet: {problem}");
                return ExitCodes.BadInput;
            }

            var work = result.GetValue(dir)?.FullName ?? Directory.CreateTempSubdirectory($"keeper-devnet-{DateTime.UtcNow:yyyyMMdd-HHmmss}-").FullName;
            var options = new DevnetOptions(
                result.GetValue(nodes), result.GetValue(store)!, result.GetValue(megapools), result.GetValue(validators), result.GetValue(minipools),
                result.GetValue(gate) == "on", result.GetValue(report)?.FullName, result.GetValue(blockTime), work, result.GetValue(proofDuties), result.GetValue(keep),
                result.GetValue(gogopool));
            try
            {
                await new DevnetRunner(options, Console.Out).RunAsync(ct);
                return ExitCodes.Ok;
            }
            catch (CliInputException ex)
            {
                await Console.Error.WriteLineAsync($"keeper devnet: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                // Stopped by SIGINT or SIGTERM: everything is cleaned up by now, whatever the stop broke on its way (anvil
                // also gets a terminal's Ctrl-C).
                await Console.Error.WriteLineAsync("keeper devnet: stopped before the run completed; every process it started has exited.");
                return ExitCodes.Interrupted;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or Chain.Rpc.JsonRpcException)
            {
                await Console.Error.WriteLineAsync($"keeper devnet: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
