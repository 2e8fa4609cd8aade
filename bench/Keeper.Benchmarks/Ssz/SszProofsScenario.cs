using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Host.Devnet;

namespace Keeper.Benchmarks.Ssz;

/// <summary>
/// Builds the proof tree and every validator proof for one slot of a synthetic state, beside @chainsafe/ssz
/// (@lodestar/types) on the same state file, each in a fresh process so peak memory is the process's own.
/// Keeper's run proves every validator on all cores (<see cref="BeaconStateTree.ProveValidators"/> over contiguous
/// ranges) and checks each proof; the reference proves an evenly spread
/// sample, extrapolated to the registry (its per-proof cost does not depend on the index).
/// Usage: ssz-proofs [validators=2000000] [referenceSample=100000 (0: Keeper only)] [rounds=1]
/// </summary>
public static class SszProofsScenario
{
    private const BeaconFork Fork = BeaconFork.Electra;
    private const ulong Slot = 12_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var validators = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var sample = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;

        var file = Path.Combine(Path.GetTempPath(), $"keeper-ssz-bench-{validators}.ssz");
        try
        {
            var generate = Stopwatch.StartNew();
            await File.WriteAllBytesAsync(file, SyntheticBeaconState.Create(Fork, validators, Slot, seed: 2026));
            Console.WriteLine($"state: {validators:N0} validators, {new FileInfo(file).Length / 1e6:F0} MB, generated in {generate.Elapsed.TotalSeconds:F1} s");

            for (var round = 1; round <= rounds; round++)
            {
                // The machine is shared: the load average says how much of it the figures had.
                Console.WriteLine($"round {round}: load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
                var keeper = await RunChildAsync(Environment.ProcessPath!, [.. SelfArguments(), "ssz-proofs-measure", file], null);
                if (sample == 0)
                {
                    Console.WriteLine($"round {round}: Keeper only: {keeper}");
                    continue;
                }

                var reference = await RunChildAsync(
                    "node", ["--max-old-space-size=16384", Path.Combine(DevChainPaths.DevChain, "ssz-reference.mjs")],
                    JsonSerializer.Serialize(new[] { new { fork = Fork.ToVersion(), type = "BeaconState", file, validatorSample = sample } }));
                Report(round, JsonDocument.Parse(keeper).RootElement, JsonDocument.Parse(reference).RootElement[0]);
            }

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, node {(await RunChildAsync("node", ["--version"], null)).Trim()}");
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The measured child: reads the state file, builds the tree, proves every validator on all cores.</summary>
    public static int Measure(string[] args)
    {
        var state = File.ReadAllBytes(args[0]);
        var build = Stopwatch.StartNew();
        var tree = BeaconStateTree.Build(state, Fork);
        var buildSeconds = build.Elapsed.TotalSeconds;

        var prove = Stopwatch.StartNew();
        var count = tree.ValidatorCount;
        var parts = Environment.ProcessorCount * 8;
        var checksums = new long[parts];
        Parallel.For(0, parts, part =>
        {
            long sum = 0;
            var first = (long)count * part / parts;
            var end = (long)count * (part + 1) / parts;
            foreach (var proof in tree.ProveValidators(Range(first, end)))
            {
                sum += proof.Witnesses.FirstByteOf(0);
            }

            checksums[part] = sum;
        });
        var proveSeconds = prove.Elapsed.TotalSeconds;

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            root = tree.StateRoot.ToString(),
            first = tree.ProveValidator(0).Witnesses.Select(w => w.ToString()).ToArray(),
            validators = count,
            buildSeconds,
            proveSeconds,
            checksum = checksums.Sum(),
            peakRssBytes = PeakRss(),
            gcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds,
            allocatedBytes = GC.GetTotalAllocatedBytes(),
        }));
        return 0;
    }

    private static void Report(int round, JsonElement keeper, JsonElement reference)
    {
        var sample = reference.GetProperty("sample");
        var validators = keeper.GetProperty("validators").GetInt32();
        var keeperTotal = keeper.GetProperty("buildSeconds").GetDouble() + keeper.GetProperty("proveSeconds").GetDouble();
        var perProof = sample.GetProperty("proofMillis").GetDouble() / 1000 / sample.GetProperty("proved").GetInt32();
        var referenceView = (reference.GetProperty("deserializeMillis").GetDouble() + reference.GetProperty("hashMillis").GetDouble()) / 1000;
        var referenceTotal = referenceView + (perProof * validators);
        var sameRoot = keeper.GetProperty("root").GetString() == reference.GetProperty("root").GetString();
        var sameProof = keeper.GetProperty("first").EnumerateArray().Take(47).Select(w => w.GetString())
            .SequenceEqual(sample.GetProperty("first").GetProperty("witnesses").EnumerateArray().Select(w => w.GetString()));

        Console.WriteLine($"round {round}: same state root: {sameRoot}; validator 0's proof equal: {sameProof}");
        Console.WriteLine(
            $"  Keeper:         tree {keeper.GetProperty("buildSeconds").GetDouble():F2} s + {validators:N0} proofs {keeper.GetProperty("proveSeconds").GetDouble():F2} s = {keeperTotal:F2} s; " +
            $"peak RSS {keeper.GetProperty("peakRssBytes").GetInt64() / 1e9:F2} GB; GC pauses {keeper.GetProperty("gcPauseSeconds").GetDouble():F2} s, allocated {keeper.GetProperty("allocatedBytes").GetInt64() / 1e9:F1} GB");
        Console.WriteLine(
            $"  @chainsafe/ssz: view {reference.GetProperty("deserializeMillis").GetDouble() / 1000:F2} s + hash {reference.GetProperty("hashMillis").GetDouble() / 1000:F2} s + " +
            $"{sample.GetProperty("proved").GetInt32():N0} proofs {sample.GetProperty("proofMillis").GetDouble() / 1000:F2} s ({perProof * 1e6:F1} us each, {validators:N0} extrapolated {perProof * validators:F1} s) = {referenceTotal:F1} s; " +
            $"peak RSS {sample.GetProperty("maxRssBytes").GetInt64() / 1e9:F2} GB");
        Console.WriteLine($"  speed-up: {referenceTotal / keeperTotal:F1}x");
    }

    private static IEnumerable<ulong> Range(long first, long end)
    {
        for (var i = first; i < end; i++)
        {
            yield return (ulong)i;
        }
    }

    // Run as `dotnet Keeper.Benchmarks.dll`, the process is dotnet and the assembly must be named again.
    private static string[] SelfArguments() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(SszProofsScenario).Assembly.Location] : [];

    private static long PeakRss()
    {
        // VmHWM: the resident set's high-water mark, what the machine had to give the process at its peak.
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }

    private static async Task<string> RunChildAsync(string program, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await child.StandardInput.WriteAsync(input);
        }

        child.StandardInput.Close();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {child.ExitCode}): {await stderr}");
        }

        return (await stdout).Trim().Split('\n')[^1];
    }
}
