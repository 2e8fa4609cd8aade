using System.Buffers.Binary;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Proving;

/// <summary>
/// The withdrawal scan: one shared record of the blocks read so far, from the lowest slot any caller asked about up to
/// the last head seen, with every withdrawal in them by validator index.
/// </summary>
public sealed partial class BeaconProofCallBuilder
{
    private readonly SemaphoreSlim _scanGate = new(1, 1);
    private readonly SortedDictionary<ulong, ScannedBlock> _scanned = [];
    private readonly Dictionary<Hash32, ulong> _slotsByRoot = [];
    private readonly Dictionary<ulong, List<WithdrawalLocation>> _withdrawals = [];
    private ulong? _scanFrom;

    /// <inheritdoc />
    /// <remarks>
    /// Every call shares one scan, so each block is read once whatever the number of validators: the first call reads
    /// the blocks from its <paramref name="fromSlot"/> to the head, later calls only the blocks since the last head (and
    /// those below the lowest slot asked so far, once). Blocks are found by walking parent roots back from the head, one
    /// SSZ block download per block and none per empty slot. Memory: about 100 bytes per block read plus about 80 per
    /// withdrawal (16 per mainnet block: some 12 MB a day of blocks), kept for the builder's life. A reorg is noticed
    /// when the walk meets a remembered slot with another root; the blocks above the common ancestor are read again.
    /// Calls are serialized.
    /// </remarks>
    /// <exception cref="BeaconApiException">The beacon node did not answer within its retry budget.</exception>
    public async Task<WithdrawalLocation?> FindFinalWithdrawalAsync(ulong validatorIndex, ulong fromSlot, CancellationToken cancellationToken)
    {
        await _scanGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = await _beacon.GetHeaderAsync("head", cancellationToken).ConfigureAwait(false);
            await ScanAsync(head, fromSlot, cancellationToken).ConfigureAwait(false);
            if (_withdrawals.TryGetValue(validatorIndex, out var seen))
            {
                foreach (var location in seen)
                {
                    if (location.Slot >= fromSlot)
                    {
                        return location;
                    }
                }
            }

            return null;
        }
        finally
        {
            _scanGate.Release();
        }
    }

    private async Task ScanAsync(BeaconHeader head, ulong fromSlot, CancellationToken cancellationToken)
    {
        var read = 0;
        // With nothing remembered the walk from the head covers the whole range; else older blocks are walked to below.
        var lowest = _scanned.Count == 0 ? Math.Min(fromSlot, _scanFrom ?? fromSlot) : _scanFrom ?? fromSlot;

        // New blocks: back from the head until a remembered block (same root at its slot) or the scan's lower end.
        var fresh = new List<ScannedBlock>();
        var root = head.Root;
        ulong? ancestor = null;
        while (root != Hash32.Zero)
        {
            if (_slotsByRoot.TryGetValue(root, out var known))
            {
                ancestor = known;
                break;
            }

            var block = await ReadBlockAsync(root, cancellationToken).ConfigureAwait(false);
            read++;
            if (block.Slot < lowest)
            {
                break;
            }

            fresh.Add(block);
            root = block.ParentRoot;
        }

        // Remembered blocks above the common ancestor (or all, when none was met) were reorged out.
        var orphanedFrom = ancestor is { } a ? a + 1 : 0;
        if (_scanned.Count > 0 && _scanned.Keys.Last() >= orphanedFrom)
        {
            ForgetFromLocked(orphanedFrom);
        }

        fresh.Reverse();
        foreach (var block in fresh)
        {
            Remember(block, append: true);
        }

        if (_scanFrom is null || lowest < _scanFrom)
        {
            _scanFrom = lowest;
        }

        // Older blocks: below the lowest asked so far, walked down from the lowest remembered block's parent.
        if (fromSlot < _scanFrom && _scanned.Count > 0)
        {
            var older = new List<ScannedBlock>();
            root = _scanned.First().Value.ParentRoot;
            while (root != Hash32.Zero)
            {
                var block = await ReadBlockAsync(root, cancellationToken).ConfigureAwait(false);
                read++;
                if (block.Slot < fromSlot)
                {
                    break;
                }

                older.Add(block);
                root = block.ParentRoot;
            }

            // Walked from high to low: each one goes in front of what is remembered.
            foreach (var block in older)
            {
                Remember(block, append: false);
            }
        }

        if (fromSlot < _scanFrom)
        {
            _scanFrom = fromSlot;
        }

        if (read > 0)
        {
            LogScanned(_logger, read, _scanFrom ?? fromSlot, head.Slot, _scanned.Count, _withdrawals.Count);
        }
    }

    private async Task<ScannedBlock> ReadBlockAsync(Hash32 root, CancellationToken cancellationToken)
    {
        var block = await _beacon.GetBlockSszAsync(root.ToString(), cancellationToken).ConfigureAwait(false);
        return Parse(block);
    }

    private static ScannedBlock Parse(BeaconSszObject block)
    {
        var types = BeaconTypes.For(block.Fork);
        ReadOnlySpan<byte> signed = block.Bytes;
        types.SignedBeaconBlock.Validate(signed);
        var message = types.SignedBeaconBlock.FieldSlice(signed, "message").In(signed);
        var slot = BinaryPrimitives.ReadUInt64LittleEndian(types.BeaconBlock.FieldSlice(message, "slot").In(message));
        var parent = new Hash32(types.BeaconBlock.FieldSlice(message, "parent_root").In(message));
        Span<byte> root = stackalloc byte[32];
        types.BeaconBlock.WriteRoot(message, root);
        var body = types.BeaconBlock.FieldSlice(message, "body").In(message);
        var payload = types.BeaconBlockBody.FieldSlice(body, "execution_payload").In(body);
        var withdrawals = types.ExecutionPayload.FieldSlice(payload, "withdrawals").In(payload);
        var size = types.Withdrawal.FixedSize;
        var found = new (ulong, WithdrawalLocation)[withdrawals.Length / size];
        for (var i = 0; i < found.Length; i++)
        {
            var record = withdrawals.Slice(i * size, size);
            found[i] = (BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(8, 8)), new WithdrawalLocation(slot, i, BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(36, 8))));
        }

        return new ScannedBlock(slot, new Hash32(root), parent, found);
    }

    private void Remember(ScannedBlock block, bool append)
    {
        _scanned[block.Slot] = block;
        _slotsByRoot[block.Root] = block.Slot;
        foreach (var (validator, location) in block.Withdrawals)
        {
            if (!_withdrawals.TryGetValue(validator, out var list))
            {
                list = [];
                _withdrawals[validator] = list;
            }

            if (append)
            {
                list.Add(location);
            }
            else
            {
                list.Insert(0, location);
            }
        }
    }

    /// <summary>Forgets the blocks at and after <paramref name="slot"/>, so the next scan reads them again.</summary>
    private async Task ForgetFromAsync(ulong slot)
    {
        await _scanGate.WaitAsync().ConfigureAwait(false);
        try
        {
            ForgetFromLocked(slot);
        }
        finally
        {
            _scanGate.Release();
        }
    }

    private void ForgetFromLocked(ulong slot)
    {
        var gone = _scanned.Keys.Where(s => s >= slot).ToList();
        foreach (var s in gone)
        {
            _slotsByRoot.Remove(_scanned[s].Root);
            _scanned.Remove(s);
        }

        foreach (var list in _withdrawals.Values)
        {
            list.RemoveAll(w => w.Slot >= slot);
        }

        if (_scanned.Count == 0)
        {
            _scanFrom = null;
        }
    }
}
