using System.Diagnostics;
using System.Globalization;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Proving;

/// <summary>
/// Builds the megapool manager's proof calls from a Beacon API node. The proven block is the newest block that has a
/// child (the head's parent): EIP-4788 holds its root under the child's slot time once the child's execution block is in.
/// </summary>
/// <remarks>
/// <para>
/// Cost per proven slot: one SSZ state download (hundreds of MB on mainnet) and one tree build (seconds on both cores),
/// shared by every request and every concurrent <see cref="BuildAsync"/> of that slot; only the newest tree is kept.
/// Per request: a validator proof from the tree (microseconds); a final balance adds one SSZ block download, and a
/// withdrawal older than 8192 slots one more state download per 8192-slot period (its block_roots kept, 256 KiB each).
/// Per call: two header reads to find the proven block.
/// </para>
/// <para>
/// Thread-safe. Builds run on the thread pool, never on the caller's thread. A caller's cancellation stops its wait, not
/// a build another caller shares.
/// </para>
/// </remarks>
public sealed partial class BeaconProofCallBuilder : IProofCallBuilder, IDisposable, IAsyncDisposable
{
    // How long a build waits for a beacon node that has not yet seen the execution head's slot, and how often it looks.
    // The beacon and execution heads of one chain differ by the time the two nodes take to import a block: well under a
    // second, so this bounds the wait for a node that is merely slow, not for one that is syncing.
    private static readonly TimeSpan HeadCatchUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HeadPoll = TimeSpan.FromMilliseconds(100);
    private readonly IBeaconClient _beacon;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<ulong, Task<byte[]>> _periodRoots = [];
    private Task<(BeaconGenesis Genesis, BeaconSpec Spec)>? _chain;
    private int _beaconBehind;
    private (Hash32 Root, Task<ProvenState> State)? _newest;

    /// <summary>Creates the builder.</summary>
    /// <param name="beacon">The Beacon API client (with its own failover and retries).</param>
    /// <param name="logger">The log, or null for none.</param>
    public BeaconProofCallBuilder(IBeaconClient beacon, ILogger<BeaconProofCallBuilder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(beacon);
        _beacon = beacon;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="ProofCallException">A request cannot be proven at the proven slot (the message names it); nothing is returned.</exception>
    /// <exception cref="BeaconApiException">The beacon node did not answer (or refused) within its retry budget.</exception>
    /// <exception cref="InvalidOperationException">The beacon chain has no block with a child yet (the head is genesis).</exception>
    /// <exception cref="BeaconProofException">The node served a state that does not belong to the proven block.</exception>
    public async Task<IReadOnlyList<ProvenCall>> BuildAsync(Address manager, IReadOnlyList<ProofCallRequest> requests, ulong executionHeadTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var proven = await ProvenStateAsync(executionHeadTime, cancellationToken).ConfigureAwait(false);
        var tree = proven.Tree;
        var slotProof = ProofStructs.From(proven.SlotProof);
        var calls = new List<ProvenCall>(requests.Count);
        var blocks = new Dictionary<ulong, BeaconSszObject>();
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            if (request.ValidatorIndex >= (ulong)tree.ValidatorCount)
            {
                throw new ProofCallException(request, $"the state at slot {tree.Slot} has {tree.ValidatorCount} validators, so index {request.ValidatorIndex} is not in it yet; check the index or wait for the deposit to be processed.");
            }

            var validatorProof = ProofStructs.From(tree.ProveValidator(request.ValidatorIndex));
            var call = request.Kind switch
            {
                ProofCallKind.NotifyExit => MegapoolManager.NotifyExit(manager, request.Megapool, request.ValidatorId, proven.SlotTimestamp, validatorProof, slotProof),
                ProofCallKind.Dissolve => MegapoolManager.DissolveWithProof(manager, request.Megapool, request.ValidatorId, proven.SlotTimestamp, validatorProof, slotProof),
                ProofCallKind.FinalBalance => MegapoolManager.NotifyFinalBalance(
                    manager, request.Megapool, request.ValidatorId, proven.SlotTimestamp,
                    ProofStructs.From(await ProveWithdrawalAsync(tree, request, blocks, cancellationToken).ConfigureAwait(false)), validatorProof, slotProof),
                _ => throw new ArgumentOutOfRangeException(nameof(requests), request.Kind, $"Unknown proof call kind {request.Kind}."),
            };
            calls.Add(new ProvenCall(call, tree.Slot, proven.SlotTimestamp));
        }

        LogBuilt(_logger, calls.Count, tree.Slot, proven.SlotTimestamp);
        return calls;
    }

    private async Task<ProvenState> ProvenStateAsync(ulong executionHeadTime, CancellationToken cancellationToken)
    {
        var head = await CaughtUpHeadAsync(executionHeadTime, cancellationToken).ConfigureAwait(false);
        if (head.ParentRoot == Hash32.Zero)
        {
            throw new InvalidOperationException(
                $"The beacon head is the genesis block (slot {head.Slot}); no block has a child yet, so nothing can be proven. Wait for the next block.");
        }

        var proven = await _beacon.GetHeaderAsync(head.ParentRoot.ToString(), cancellationToken).ConfigureAwait(false);
        Task<ProvenState> build;
        lock (_gate)
        {
            if (_newest is { } newest && newest.Root == proven.Root && !newest.State.IsFaulted && !newest.State.IsCanceled)
            {
                build = newest.State;
            }
            else
            {
                // The child's slot may be later than proven.Slot + 1 when slots were empty; EIP-4788 keys by the child's time.
                build = Task.Run(() => BuildStateAsync(proven, head.Slot), CancellationToken.None);
                _newest = (proven.Root, build);
            }
        }

        return await build.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // The proof can be no newer than the beacon head's parent. A beacon node a few hundred milliseconds behind the
    // execution node would make the build prove a slot older than it need be: too early for a duty that needs a late
    // slot, or past the recency rule right after the chain moved on. So a build waits, briefly, for the beacon head to
    // reach the execution head's slot, and then proves what there is.
    private async Task<BeaconHeader> CaughtUpHeadAsync(ulong executionHeadTime, CancellationToken cancellationToken)
    {
        var head = await _beacon.GetHeaderAsync("head", cancellationToken).ConfigureAwait(false);
        if (executionHeadTime == 0)
        {
            return head;
        }

        var (genesis, spec) = await ChainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var wanted = executionHeadTime > genesis.GenesisTime ? (executionHeadTime - genesis.GenesisTime) / spec.SecondsPerSlot : 0;
        var started = Stopwatch.GetTimestamp();
        while (head.Slot < wanted && Stopwatch.GetElapsedTime(started) < HeadCatchUp)
        {
            await Task.Delay(HeadPoll, cancellationToken).ConfigureAwait(false);
            head = await _beacon.GetHeaderAsync("head", cancellationToken).ConfigureAwait(false);
        }

        // One line when the lag starts and one when it ends, not one per build.
        var behind = head.Slot < wanted;
        if (Interlocked.Exchange(ref _beaconBehind, behind ? 1 : 0) != (behind ? 1 : 0))
        {
            if (behind)
            {
                LogBeaconBehind(_logger, head.Slot, (long)HeadCatchUp.TotalMilliseconds, wanted);
            }
            else
            {
                LogBeaconCaughtUp(_logger, head.Slot);
            }
        }

        return head;
    }

    private async Task<ProvenState> BuildStateAsync(BeaconHeader proven, ulong childSlot)
    {
        var (genesis, spec) = await ChainAsync().ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var state = await _beacon.GetStateSszAsync(proven.StateRoot.ToString(), CancellationToken.None).ConfigureAwait(false);
        var fetched = Stopwatch.GetTimestamp();
        var tree = BeaconStateTree.Build(state.Bytes, state.Fork);
        var built = Stopwatch.GetTimestamp();
        if (tree.BlockRoot != proven.Root)
        {
            throw new BeaconProofException(
                $"The state the beacon node served for state root {proven.StateRoot} (slot {tree.Slot}) leads to block root {tree.BlockRoot}, not to the proven block {proven.Root} of slot {proven.Slot}; the node is inconsistent.");
        }

        LogProvenSlot(_logger, tree.Slot, proven.Root, childSlot, state.Bytes.Length, tree.ValidatorCount,
            (long)Stopwatch.GetElapsedTime(started, fetched).TotalMilliseconds, (long)Stopwatch.GetElapsedTime(fetched, built).TotalMilliseconds);
        return new ProvenState(tree, tree.ProveSlot(), genesis.GenesisTime + (childSlot * spec.SecondsPerSlot));
    }

    private Task<(BeaconGenesis Genesis, BeaconSpec Spec)> ChainAsync()
    {
        lock (_gate)
        {
            if (_chain is null || _chain.IsFaulted || _chain.IsCanceled)
            {
                _chain = ReadChainAsync();
            }

            return _chain;
        }
    }

    private async Task<(BeaconGenesis Genesis, BeaconSpec Spec)> ReadChainAsync()
    {
        var genesis = await _beacon.GetGenesisAsync(CancellationToken.None).ConfigureAwait(false);
        var spec = await _beacon.GetSpecAsync(CancellationToken.None).ConfigureAwait(false);
        return (genesis, spec);
    }

    /// <summary>Releases the scan's lock; the builder must not be used afterwards.</summary>
    public void Dispose() => _scanGate.Dispose();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Id(ulong slot) => slot.ToString(CultureInfo.InvariantCulture);
}
