using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// The devnet's beacon node: a <see cref="DevBeaconChain"/> that follows anvil, served over the Beacon API by a
/// <see cref="DevBeaconServer"/>, with its block roots written to the EIP-4788 stand-in. Each new anvil head in a slot
/// without a block produces that slot's block, and the root of the block before it goes to the stand-in under the new
/// slot's timestamp, so a proof against block B verifies with <c>slotTimestamp</c> = the timestamp of B's child.
/// </summary>
public sealed class DevBeaconNode : IAsyncDisposable
{
    private readonly DevChainClient _chain;
    private readonly BeaconRootsContract _roots;
    private readonly MegapoolManager _manager;
    private readonly DevBeaconServer _server;
    private readonly TextWriter? _progress;
    private readonly SemaphoreSlim _step = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Queue<(ulong Timestamp, Hash32 Root)> _rootsToWrite = new();
    private Task _following = Task.CompletedTask;
    private ulong _managerEntries;
    private ulong _lastFullSyncEpoch = ulong.MaxValue;

    private DevBeaconNode(DevChainClient chain, DevBeaconChain beacon, BeaconRootsContract roots, MegapoolManager manager, DevBeaconServer server, TextWriter? progress)
    {
        _chain = chain;
        Chain = beacon;
        _roots = roots;
        _manager = manager;
        _server = server;
        _progress = progress;
    }

    /// <summary>The chain: its blocks, validators and the devnet's controls (exits, credentials, slashing, withdrawals).</summary>
    public DevBeaconChain Chain { get; }

    /// <summary>The Beacon API base URL, <c>http://127.0.0.1:PORT/</c>, for <c>keeper.beacon.endpoints</c>.</summary>
    public Uri Url => _server.Url;

    /// <summary>
    /// Whether withdrawals are credited to their address on anvil (<c>anvil_setBalance</c>) when a block carries them,
    /// as the execution layer does. Default true.
    /// </summary>
    public bool CreditWithdrawals { get; init; } = true;

    /// <summary>The last failure of the background follower, or null; it keeps trying at the next poll.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>
    /// Installs the EIP-4788 stand-in, starts the beacon chain the harness's proof verifier accepts (its genesis time and
    /// genesis validators root; Capella and Electra at slot 0), serves it, produces the block of the current head's slot,
    /// and (with <paramref name="pollInterval"/>) keeps following new heads.
    /// </summary>
    /// <param name="chain">The dev chain.</param>
    /// <param name="harness">The deployed harness: its megapool manager lists the validators, its verifier's constants fix the chain's.</param>
    /// <param name="options">Chain settings; null for the defaults (the genesis validators root is the harness's either way).</param>
    /// <param name="pollInterval">How often new heads are looked for; null to step only through <see cref="StepAsync"/>.</param>
    /// <param name="progress">Where follower failures are written; null for nowhere (see <see cref="LastError"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<DevBeaconNode> StartAsync(
        DevChainClient chain, RocketPoolHarness harness, DevBeaconChainOptions? options, TimeSpan? pollInterval, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(harness);
        var config = harness.Beacon;
        if (config.SlotsPerHistoricalRoot != DevBeaconHistory.SlotsPerHistoricalRoot || config.CapellaSlot != 0 || config.ElectraSlot != 0 || config.BeaconRoots != BeaconRootsContract.Address)
        {
            throw new InvalidOperationException(
                $"The harness's proof verifier expects {config.SlotsPerHistoricalRoot} slots per historical root, Capella at slot {config.CapellaSlot}, Electra at slot " +
                $"{config.ElectraSlot} and roots at {config.BeaconRoots}; the devnet beacon chain has 8192, both forks at slot 0 and roots at {BeaconRootsContract.Address}. " +
                "Deploy the harness with RocketPoolHarnessBeaconConfig.FromGenesis.");
        }

        var beacon = new DevBeaconChain(config.GenesisTime, (options ?? new DevBeaconChainOptions()) with { GenesisValidatorsRoot = config.GenesisValidatorsRoot });
        var roots = await BeaconRootsContract.InstallAsync(chain, cancellationToken);
        var server = await DevBeaconServer.StartAsync(beacon, cancellationToken);
        var node = new DevBeaconNode(chain, beacon, roots, new MegapoolManager(chain.Eth, new BatchCaller(chain.Eth), harness.Deployment.MegapoolManager), server, progress);
        try
        {
            await node.StepAsync(cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        if (pollInterval is { } interval)
        {
            node._following = node.FollowAsync(interval);
        }

        return node;
    }

    /// <summary>
    /// Looks at anvil's head once: brings the validators up to date and, when the head's slot has no block yet, produces
    /// it, writes the previous block's root to the EIP-4788 stand-in under the new slot's timestamp and credits the
    /// block's withdrawals. Returns the block produced, or null.
    /// </summary>
    public async Task<DevBeaconBlock?> StepAsync(CancellationToken cancellationToken)
    {
        await _step.WaitAsync(cancellationToken);
        try
        {
            await WriteRootsAsync(cancellationToken);
            var head = await _chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
            if (Chain.SlotAt(head.Timestamp) <= Chain.Head.Slot)
            {
                return null;
            }

            await SyncValidatorsAsync(head.Number, Chain.SlotAt(head.Timestamp) / DevBeaconSpec.SlotsPerEpoch, cancellationToken);
            if (Chain.Produce(new DevExecutionBlock(head.Number, head.Hash, head.ParentHash, head.Timestamp)) is not { } block)
            {
                return null;
            }

            _rootsToWrite.Enqueue((Chain.SlotTimestamp(block.Slot), block.ParentRoot));
            await WriteRootsAsync(cancellationToken);
            if (CreditWithdrawals)
            {
                foreach (var withdrawal in block.Withdrawals)
                {
                    await CreditAsync(withdrawal, cancellationToken);
                }
            }

            return block;
        }
        finally
        {
            _step.Release();
        }
    }

    /// <summary>Reads every validator of the megapool manager's index again and brings the chain's registry up to date for the next block.</summary>
    public async Task SyncValidatorsAsync(CancellationToken cancellationToken)
    {
        await _step.WaitAsync(cancellationToken);
        try
        {
            var count = await _manager.GetValidatorCountAsync(BlockTag.Latest, cancellationToken);
            Chain.Sync(await _manager.GetValidatorsAsync(0, count, BlockTag.Latest, cancellationToken));
            _managerEntries = count;
        }
        finally
        {
            _step.Release();
        }
    }

    /// <summary>Stops following and serving.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _following;
        await _server.DisposeAsync();
        _stopping.Dispose();
        _step.Dispose();
    }

    // New entries every block; every entry again once per epoch, for stage changes (prestake to staked).
    private async Task SyncValidatorsAsync(ulong blockNumber, ulong epoch, CancellationToken cancellationToken)
    {
        var block = BlockTag.At(blockNumber);
        if (epoch != _lastFullSyncEpoch)
        {
            var count = await _manager.GetValidatorCountAsync(block, cancellationToken);
            Chain.Sync(await _manager.GetValidatorsAsync(0, count, block, cancellationToken));
            (_managerEntries, _lastFullSyncEpoch) = (count, epoch);
            return;
        }

        var total = await _manager.GetValidatorCountAsync(block, cancellationToken);
        if (total > _managerEntries)
        {
            Chain.Sync(await _manager.GetValidatorsAsync(_managerEntries, total - _managerEntries, block, cancellationToken));
            _managerEntries = total;
        }
    }

    // A write that failed stays queued and is tried again first at the next step: the block exists, so its parent's root
    // must reach the contract.
    private async Task WriteRootsAsync(CancellationToken cancellationToken)
    {
        while (_rootsToWrite.TryPeek(out var next))
        {
            await _roots.SetRootAsync(next.Timestamp, next.Root, cancellationToken);
            _rootsToWrite.Dequeue();
        }
    }

    private async Task CreditAsync(DevWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        var balance = await _chain.Eth.GetBalanceAsync(withdrawal.Address, BlockTag.Latest, cancellationToken);
        var credited = balance + (new BigInteger(withdrawal.AmountGwei) * DevBeaconSpec.Gwei);
        await _chain.Rpc.SendAsync("anvil_setBalance", [withdrawal.Address.ToLowerHex(), Hex.EncodeQuantity(credited)], cancellationToken);
    }

    private async Task FollowAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await StepAsync(_stopping.Token);
                    LastError = null;
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    LastError = e;
                    _progress?.WriteLine($"devnet beacon chain: following anvil failed, trying again in {interval.TotalMilliseconds} ms: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
