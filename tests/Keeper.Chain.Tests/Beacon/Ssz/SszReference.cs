using System.Diagnostics;
using System.Text.Json;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Tests.Beacon.Ssz;

/// <summary>
/// Runs tools/devchain/ssz-reference.mjs (node, @lodestar/types on @chainsafe/ssz) over SSZ bytes and reads back
/// roots and single-leaf proofs: the reference Keeper's SSZ is compared with.
/// </summary>
internal static class SszReference
{
    private static readonly Lazy<string> DevChain = new(FindDevChain);

    /// <summary>One value to hash and the generalized indices to prove in it.</summary>
    public sealed record Job(BeaconFork Fork, string Type, byte[] Bytes, IReadOnlyList<System.Numerics.BigInteger>? Gindices = null);

    /// <summary>The reference's answer for one job.</summary>
    public sealed record Answer(Hash32 Root, IReadOnlyDictionary<System.Numerics.BigInteger, Proof> Proofs, double Millis);

    /// <summary>A single-leaf proof: the leaf and its witnesses from the leaf's sibling up.</summary>
    public sealed record Proof(Hash32 Leaf, IReadOnlyList<Hash32> Witnesses);

    public static IReadOnlyList<Answer> Run(IReadOnlyList<Job> jobs)
    {
        var folder = Directory.CreateTempSubdirectory("keeper-ssz-");
        try
        {
            var request = jobs.Select((job, i) =>
            {
                var file = Path.Combine(folder.FullName, $"{i}.ssz");
                File.WriteAllBytes(file, job.Bytes);
                return new
                {
                    fork = job.Fork.ToVersion(),
                    type = job.Type,
                    file,
                    gindices = (job.Gindices ?? []).Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                };
            }).ToArray();
            var output = RunNode(JsonSerializer.Serialize(request));
            using var document = JsonDocument.Parse(output);
            return document.RootElement.EnumerateArray().Select(ReadAnswer).ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static Answer Run(Job job) => Run([job])[0];

    private static Answer ReadAnswer(JsonElement answer)
    {
        var proofs = new Dictionary<System.Numerics.BigInteger, Proof>();
        foreach (var proof in answer.GetProperty("proofs").EnumerateObject())
        {
            proofs[System.Numerics.BigInteger.Parse(proof.Name, System.Globalization.CultureInfo.InvariantCulture)] = new Proof(
                Hash32.Parse(proof.Value.GetProperty("leaf").GetString()!),
                proof.Value.GetProperty("witnesses").EnumerateArray().Select(w => Hash32.Parse(w.GetString()!)).ToArray());
        }

        return new Answer(Hash32.Parse(answer.GetProperty("root").GetString()!), proofs, answer.GetProperty("millis").GetDouble());
    }

    private static string RunNode(string request)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = DevChain.Value,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--max-old-space-size=4096");
        start.ArgumentList.Add("ssz-reference.mjs");
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for the SSZ reference.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(request);
        node.StandardInput.Close();
        if (!node.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("The SSZ reference (node ssz-reference.mjs) did not answer within 5 minutes.");
        }

        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"The SSZ reference failed (exit {node.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string FindDevChain()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Keeper.sln")))
            {
                var devChain = Path.Combine(dir.FullName, "tools", "devchain");
                if (!Directory.Exists(Path.Combine(devChain, "node_modules", "@lodestar", "types")))
                {
                    throw new InvalidOperationException(
                        $"@lodestar/types is not installed in {devChain}. Build the solution once (dotnet build Keeper.sln runs 'npm ci' there) or run 'npm ci' in tools/devchain.");
                }

                return devChain;
            }
        }

        throw new InvalidOperationException($"Cannot find Keeper.sln above {AppContext.BaseDirectory}; the SSZ reference lives in tools/devchain.");
    }
}
