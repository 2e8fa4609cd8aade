using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;
using Keeper.Chain.Tests.Beacon.Proofs;

namespace Keeper.Chain.Tests.Proving;

/// <summary>
/// A beacon node in memory for the builder's unit tests: blocks chained by parent root, states by state root, a head
/// that tests move, counts of SSZ downloads, and a gate that holds state downloads until a test opens it.
/// </summary>
internal sealed class InMemoryBeacon : IBeaconClient
{
    public const BeaconFork Fork = BeaconFork.Electra;
    public const ulong GenesisTime = 1_700_000_000;

    private static readonly BeaconTypes Types = BeaconTypes.For(Fork);
    private readonly ConcurrentDictionary<string, BeaconHeader> _headers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _blocks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _stateReads = new();
    private readonly ConcurrentQueue<string> _blockReads = new();

    public Dictionary<string, string> Spec { get; } = new(StringComparer.Ordinal) { ["CAPELLA_FORK_EPOCH"] = "0" };

    /// <summary>While set, state downloads wait for it.</summary>
    public TaskCompletionSource? StateGate { get; set; }

    public IReadOnlyList<string> StateReads => [.. _stateReads];

    public IReadOnlyList<string> BlockReads => [.. _blockReads];

    public Hash32 Head { get; private set; }

    /// <summary>Completes when the head is first read.</summary>
    public TaskCompletionSource HeadRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Adds a proven block: a state at <paramref name="slot"/> with its own block, served by state root; returns its tree.</summary>
    public BeaconStateTree AddProvable(ulong slot, int validators, int seed)
    {
        var state = ChainFixture.State(Fork, validators, slot, seed);
        var tree = BeaconStateTree.Build(state, Fork);
        _states[tree.StateRoot.ToString()] = state;
        _headers[tree.BlockRoot.ToString()] = new BeaconHeader(tree.BlockRoot, slot, 0, Hash32.Zero, tree.StateRoot, Hash32.Zero, true, false, null);
        return tree;
    }

    /// <summary>Makes a head block at <paramref name="slot"/> whose parent is <paramref name="parent"/>.</summary>
    public void SetHead(ulong slot, Hash32 parent)
    {
        var root = new Hash32(BitConverter.GetBytes(slot).Concat(new byte[24]).ToArray());
        _headers[root.ToString()] = new BeaconHeader(root, slot, 0, parent, Hash32.Zero, Hash32.Zero, true, false, null);
        _headers["head"] = _headers[root.ToString()];
        Head = root;
    }

    /// <summary>Adds a block at <paramref name="slot"/> on <paramref name="parent"/> paying the given validators (amount = 1000 + position).</summary>
    public Hash32 AddBlock(ulong slot, Hash32 parent, params ulong[] paid)
    {
        var block = ChainFixture.Block(Fork, slot, paid.Length, seed: (int)slot);
        var message = Types.SignedBeaconBlock.FieldSlice(block, "message");
        var messageSpan = block.AsSpan(message.Offset, message.Length);
        parent.Bytes.CopyTo(messageSpan[Types.BeaconBlock.FieldSlice(messageSpan, "parent_root").Offset..]);
        var bodySlice = Types.BeaconBlock.FieldSlice(messageSpan, "body");
        var body = messageSpan.Slice(bodySlice.Offset, bodySlice.Length);
        var payloadSlice = Types.BeaconBlockBody.FieldSlice(body, "execution_payload");
        var payload = body.Slice(payloadSlice.Offset, payloadSlice.Length);
        var withdrawals = payload[Types.ExecutionPayload.FieldSlice(payload, "withdrawals").Offset..];
        for (var i = 0; i < paid.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(withdrawals[((i * 44) + 8)..], paid[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(withdrawals[((i * 44) + 36)..], 1000 + (ulong)i);
        }

        var root = new byte[32];
        Types.BeaconBlock.WriteRoot(messageSpan, root);
        var hash = new Hash32(root);
        _blocks[hash.ToString()] = block;
        _blocks[slot.ToString(CultureInfo.InvariantCulture)] = block;
        _headers[hash.ToString()] = new BeaconHeader(hash, slot, 0, parent, Hash32.Zero, Hash32.Zero, true, false, null);
        _headers["head"] = _headers[hash.ToString()];
        Head = hash;
        return hash;
    }

    public Task<BeaconGenesis> GetGenesisAsync(CancellationToken cancellationToken) => Task.FromResult(new BeaconGenesis(GenesisTime, Hash32.Zero, 0));

    public Task<BeaconSpec> GetSpecAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new BeaconSpec(12, 32, Spec.TryGetValue("CAPELLA_FORK_EPOCH", out var capella) ? ulong.Parse(capella, CultureInfo.InvariantCulture) : null));

    public Task<BeaconHeader> GetHeaderAsync(string blockId, CancellationToken cancellationToken)
    {
        if (!_headers.TryGetValue(blockId, out var header))
        {
            throw NotFound($"/eth/v1/beacon/headers/{blockId}");
        }

        if (blockId == "head")
        {
            HeadRead.TrySetResult();
        }

        return Task.FromResult(header);
    }

    public Task<IReadOnlyDictionary<ValidatorPubkey, BeaconValidator>> GetValidatorsAsync(IEnumerable<ValidatorPubkey> pubkeys, string stateId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The proof builder reads no validators by key.");

    public async Task<BeaconSszObject> GetStateSszAsync(string stateId, CancellationToken cancellationToken)
    {
        _stateReads.Enqueue(stateId);
        if (StateGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return _states.TryGetValue(stateId, out var state) ? new BeaconSszObject(Fork, state) : throw NotFound($"/eth/v2/debug/beacon/states/{stateId}");
    }

    public Task<BeaconSszObject> GetBlockSszAsync(string blockId, CancellationToken cancellationToken)
    {
        _blockReads.Enqueue(blockId);
        return _blocks.TryGetValue(blockId, out var block) ? Task.FromResult(new BeaconSszObject(Fork, block)) : throw NotFound($"/eth/v2/beacon/blocks/{blockId}");
    }

    /// <summary>Serves <paramref name="state"/> under <paramref name="stateId"/> (such as a lying node's answer).</summary>
    public void SetState(string stateId, byte[] state) => _states[stateId] = state;

    private static BeaconApiException NotFound(string path) => new(BeaconFailureKind.Refused, path, $"{path}: 404 not found", 1, statusCode: 404);
}
