using System.Globalization;
using Keeper.Actors.Tracking;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>
/// The GoGoPool half of <c>keeper devnet --gogopool M</c>: a second anvil (its own port and chain id) with the GoGoPool
/// harness, M minipools seeded by a <see cref="GoGoPoolSeedPlan"/>, the nodes' <c>keeper.gogopool</c> section, and the
/// driving of its clock through every alert boundary to the first block in which the rewards cycle may start.
/// </summary>
public sealed class GoGoPoolDevnet : IAsyncDisposable
{
    /// <summary>The second chain's id: not the C-Chain's (43114), so a devnet config can never be pointed at the real network.</summary>
    public const ulong ChainId = 43112;

    /// <summary>The nodes' withdraw grace: an hour of chain time, which the devnet passes in a jump.</summary>
    public const ulong WithdrawGraceSeconds = 3_600;

    private readonly AnvilNode _anvil;
    private readonly ulong _cycleCountBefore;

    private GoGoPoolDevnet(AnvilNode anvil, DevChainClient chain, GoGoPoolHarness harness, GoGoPoolSeedPlan plan, DevnetTask rewardsCycle, ulong cycleCountBefore)
    {
        _anvil = anvil;
        Chain = chain;
        Harness = harness;
        Plan = plan;
        RewardsCycle = rewardsCycle;
        _cycleCountBefore = cycleCountBefore;
    }

    /// <summary>The second chain.</summary>
    public DevChainClient Chain { get; }

    /// <summary>The deployed harness.</summary>
    public GoGoPoolHarness Harness { get; }

    /// <summary>What was seeded and which alerts it must raise.</summary>
    public GoGoPoolSeedPlan Plan { get; }

    /// <summary>The one rewards cycle start the run expects, due at the first block timestamp where it is valid.</summary>
    public DevnetTask RewardsCycle { get; }

    /// <summary>The owners of the seeded minipools: the first is the operator's own (in keeper.gogopool.owners), the second another's.</summary>
    public IReadOnlyList<PrivateKey> Owners => [Chain.Keys[^2], Chain.Keys[^1]];

    /// <summary>anvil's process id.</summary>
    public int ProcessId => _anvil.ProcessId;

    /// <summary>
    /// Starts the second anvil with <paramref name="nodes"/> node accounts (dev accounts 1 to nodes, the same keys as on the
    /// first chain), a guardian (account 0) and two owners (the last two), deploys the harness and seeds
    /// <paramref name="minipools"/> minipools.
    /// </summary>
    public static async Task<GoGoPoolDevnet> StartAsync(int minipools, int nodes, CancellationToken cancellationToken)
    {
        var anvil = await AnvilNode.StartAsync(new AnvilOptions { ChainId = ChainId, Accounts = nodes + 3 }, cancellationToken);
        DevChainClient? chain = null;
        try
        {
            chain = new DevChainClient(anvil);
            var harness = await GoGoPoolHarness.DeployAsync(chain, chain.Keys[0], cancellationToken);
            var batch = new BatchCaller(chain.Eth);
            var settings = await new ProtocolDao(batch, harness.Deployment.ProtocolDao).ReadSettingsAsync(BlockTag.Latest, cancellationToken);
            var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
            var plan = GoGoPoolSeedPlan.Create(minipools, head.Timestamp + 1, settings, WithdrawGraceSeconds);
            var owners = new[] { chain.Keys[^2], chain.Keys[^1] };
            foreach (var m in plan.Minipools)
            {
                // Its own block at its planned time: a Launched one's status log then carries its creation time.
                await chain.SetNextBlockTimestampAsync(m.SeedTime, cancellationToken);
                var receipt = await harness.SeedMinipoolAsync(m.NodeId, owners[m.OwnerIndex].Address, m.Status, m.Duration, m.CreationTime, m.StartTime, m.EndTime, m.ErrorCode, cancellationToken);
                var mined = await chain.Eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), cancellationToken);
                if (mined.Timestamp != m.SeedTime)
                {
                    throw new InvalidOperationException($"GoGoPool minipool {m.NodeId} was seeded at {mined.Timestamp}, not at its planned {m.SeedTime}.");
                }
            }

            var cycle = await new RewardsPool(batch, harness.Deployment.RewardsPool).ReadCycleAsync(BlockTag.Latest, cancellationToken);
            var task = new DevnetTask(
                TaskKeys.StartRewardsCycle(harness.Deployment.RewardsPool, cycle.Count), harness.Deployment.RewardsPool, null, cycle.NextStartTime(settings), DevnetTaskKind.StartRewardsCycle);
            return new GoGoPoolDevnet(anvil, chain, harness, plan, task, cycle.Count);
        }
        catch
        {
            chain?.Dispose();
            await anvil.DisposeAsync();
            throw;
        }
    }

    /// <summary>The <c>gogopool { }</c> block of each node's <c>keeper { }</c> for this chain.</summary>
    public string NodeConfig(int blockSeconds) => NodeConfig(_anvil.RpcUrl, Harness.Deployment.Storage, Owners[0].Address, blockSeconds);

    /// <summary>
    /// The <c>gogopool { }</c> block of a devnet node's <c>keeper { }</c>: the chain at <paramref name="rpc"/> with its
    /// Storage, the block interval, the devnet's grace and <paramref name="operatorOwner"/> as the operator's own; the node
    /// signs with its keeper.signer key, funded on both chains.
    /// </summary>
    public static string NodeConfig(Uri rpc, Address storage, Address operatorOwner, int blockSeconds) => string.Create(CultureInfo.InvariantCulture, $$"""
        gogopool {
            enabled = on
            chain-id = {{ChainId}}
            rpc = ["{{rpc}}"]
            storage = "{{storage.ToLowerHex()}}"
            slot = {{blockSeconds}}s
            poll-interval = 250ms
            confirmations = 1
            settings-refresh = 30s
            gate.window = {{blockSeconds * 3}}s
            owners = ["{{operatorOwner.ToLowerHex()}}"]
            alerts.withdraw-grace = {{WithdrawGraceSeconds}}s
          }
        """);

    /// <summary>Switches from a block per transaction to a block every <paramref name="blockSeconds"/>, as on the first chain once the nodes run.</summary>
    public async Task StartMiningAsync(int blockSeconds, CancellationToken cancellationToken)
    {
        await Chain.SetAutomineAsync(false, cancellationToken);
        await Chain.Rpc.SendAsync("evm_setIntervalMining", [blockSeconds], cancellationToken);
    }

    /// <summary>Whether the rewards cycle was started since the seeding, at the latest block.</summary>
    public async Task<bool> RewardsCycleStartedAsync(CancellationToken cancellationToken) =>
        (await new RewardsPool(new BatchCaller(Chain.Eth), Harness.Deployment.RewardsPool).ReadCycleAsync(BlockTag.Latest, cancellationToken)).Count > _cycleCountBefore;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Chain.Dispose();
        await _anvil.DisposeAsync();
    }
}
