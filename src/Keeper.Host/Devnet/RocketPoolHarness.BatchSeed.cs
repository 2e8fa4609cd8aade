using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet;

public sealed partial class RocketPoolHarness
{
    // Gas declared per transaction, used to pack blocks; the seeder pays what it uses. Measured on anvil 1.7.1 (cancun):
    // about 2.1 M per megapool deployed, 145 k per validator, 600 k per minipool; declared with a margin.
    private const ulong MegapoolGas = 2_600_000;
    private const ulong ValidatorGas = 200_000;
    private const ulong MinipoolGas = 800_000;

    private Address? _seeder;

    /// <summary>
    /// Seeds the same pools, in the same states and with the same events, as <see cref="SeedAsync"/>, but many pools per
    /// transaction through the harness's <c>HarnessSeeder</c> (deployed on first use): for benchmarks at 100,000
    /// validators, where one transaction per step is too slow and too big for anvil. A megapool is never split across
    /// transactions.
    /// </summary>
    /// <param name="plan">What to seed.</param>
    /// <param name="validatorsPerTransaction">About how many validators (or minipools) one transaction creates.</param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    public async Task<SeedResult> SeedInBatchesAsync(SeedPlan plan, int validatorsPerTransaction = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validatorsPerTransaction, 1);
        var seederAbi = Contract("HarnessSeeder");
        var seeder = _seeder ??= await _chain.DeployAsync("HarnessSeeder", Contract("HarnessSeeder").EncodeConstructor(Deployment.Storage), _guardian, cancellationToken);
        var factory = Contract("MegapoolFactoryHarness");
        var nodes = Enumerable.Range(0, plan.Megapools).Select(i => SeedNode(i)).ToArray();
        var expected = await new BatchCaller(_chain.Eth).CallAsync(
            nodes.Select(n => new CallRequest(Deployment.MegapoolFactory, factory.EncodeCall("getExpectedAddress", n))).ToArray(), BlockTag.Latest, cancellationToken);
        var megapools = expected.Select((r, i) => (Address)factory.DecodeOutput("getExpectedAddress", r.GetReturnDataOrThrow(i))[0]!).ToArray();
        var manager = new MinipoolManager(_chain.Eth, new BatchCaller(_chain.Eth), Deployment.MinipoolManager);
        var existingMinipools = await manager.GetMinipoolCountAsync(BlockTag.Latest, cancellationToken);

        // Each transaction must also fit in a block (SendInBlocksAsync fills blocks to 80% of their gas limit).
        var blockGas = (await _chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken)).GasLimit * 8 / 10;
        var megapoolGas = MegapoolGas + ((ulong)plan.ValidatorsPerMegapool * ValidatorGas);
        var megapoolsPerCall = (int)Math.Max(1, Math.Min((ulong)Math.Max(1, validatorsPerTransaction / Math.Max(1, plan.ValidatorsPerMegapool)), blockGas / megapoolGas));
        var minipoolsPerCall = (int)Math.Max(1, Math.Min((ulong)validatorsPerTransaction, blockGas / MinipoolGas));
        var calls = new List<(Address, byte[], ulong)>();
        var prestaked = new List<(Address, uint)>();
        for (var first = 0; first < plan.Megapools; first += megapoolsPerCall)
        {
            var count = Math.Min(megapoolsPerCall, plan.Megapools - first);
            var pubkeys = new byte[count * plan.ValidatorsPerMegapool * 48];
            for (var m = first; m < first + count; m++)
            {
                for (var j = 0; j < plan.ValidatorsPerMegapool; j++)
                {
                    SeedPubkey(megapools[m], (uint)j).CopyTo(pubkeys, (((m - first) * plan.ValidatorsPerMegapool) + j) * 48);
                    if (j % 4 is 1 or 3)
                    {
                        prestaked.Add((megapools[m], (uint)j));
                    }
                }
            }

            var data = seederAbi.EncodeCall("seedMegapools", nodes[first..(first + count)], (uint)plan.ValidatorsPerMegapool, pubkeys);
            calls.Add((seeder, data, (ulong)count * megapoolGas));
        }

        for (var first = 0; first < plan.Minipools; first += minipoolsPerCall)
        {
            var count = Math.Min(minipoolsPerCall, plan.Minipools - first);
            var minipoolNodes = Enumerable.Range(first, count).Select(i => SeedNode(1_000_000 + i)).ToArray();
            calls.Add((seeder, seederAbi.EncodeCall("seedMinipools", minipoolNodes, new BigInteger(first)), (ulong)count * MinipoolGas));
        }

        await _chain.SetAutomineAsync(false, cancellationToken);
        try
        {
            var hashes = await SendInBlocksAsync(calls, cancellationToken);
            var minipools = await manager.GetMinipoolsAsync(existingMinipools, (ulong)plan.Minipools, BlockTag.Latest, cancellationToken);
            var prelaunch = minipools.Where((_, i) => i % 4 is 1 or 3).ToArray();
            return new SeedResult(megapools, prestaked, prelaunch, minipools, hashes.Count);
        }
        finally
        {
            await _chain.SetAutomineAsync(true, cancellationToken);
        }
    }
}
