using System.Globalization;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

public sealed partial class DevBeaconChain
{
    /// <summary>All blocks produced so far, genesis first.</summary>
    public IReadOnlyList<DevBeaconBlock> Blocks
    {
        get
        {
            lock (_gate)
            {
                return [.. _history.Blocks];
            }
        }
    }

    /// <summary>
    /// The block a Beacon API block id names: <c>head</c>, <c>genesis</c>, <c>finalized</c>, a decimal slot (null when
    /// the slot is empty or in the future) or a <c>0x</c> block root (null when unknown).
    /// </summary>
    /// <exception cref="FormatException">The id is none of those forms.</exception>
    public DevBeaconBlock? BlockById(string id)
    {
        lock (_gate)
        {
            return id switch
            {
                "head" => _history.Head,
                "genesis" => _history.Blocks[0],
                "finalized" => FinalizedBlock(),
                _ when id.StartsWith("0x", StringComparison.Ordinal) => Hash32.TryParse(id, out var root) ? _history.WithRoot(root) : throw BadId(id, "block"),
                _ when ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) => slot <= _history.Head.Slot ? _history.At(slot) : null,
                _ => throw BadId(id, "block"),
            };
        }
    }

    /// <summary>
    /// The slot of the state a Beacon API state id names: <c>head</c>, <c>genesis</c>, <c>finalized</c>,
    /// <c>justified</c>, a decimal slot up to the head's (empty slots too) or the <c>0x</c> state root of a block's
    /// post-state. Null when there is no such state.
    /// </summary>
    /// <exception cref="FormatException">The id is none of those forms.</exception>
    public ulong? StateSlotById(string id)
    {
        lock (_gate)
        {
            return id switch
            {
                "head" => _history.Head.Slot,
                "genesis" => 0,
                "finalized" or "justified" => FinalizedBlock().Slot,
                _ when id.StartsWith("0x", StringComparison.Ordinal) => Hash32.TryParse(id, out var root)
                    ? _history.Blocks.FirstOrDefault(b => b.StateRoot == root)?.Slot
                    : throw BadId(id, "state"),
                _ when ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) => slot <= _history.Head.Slot ? slot : null,
                _ => throw BadId(id, "state"),
            };
        }
    }

    /// <summary>The validators of the state at <paramref name="slot"/> (at most the head's).</summary>
    public IReadOnlyList<DevValidator> ValidatorsAt(ulong slot)
    {
        lock (_gate)
        {
            return _history.AtOrBefore(slot).Validators;
        }
    }

    /// <summary>Whether <paramref name="block"/> is at or before the finalized block.</summary>
    public bool IsFinalized(DevBeaconBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_gate)
        {
            return block.Slot <= FinalizedBlock().Slot;
        }
    }

    /// <summary>The serialized <c>SignedBeaconBlock</c> of <paramref name="block"/>.</summary>
    public static byte[] SignedBlock(DevBeaconBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return DevBeaconSsz.SignedBlock(DevBeaconSsz.Block(block.Slot, block.ProposerIndex, block.ParentRoot, block.StateRoot, block.Body));
    }

    private static FormatException BadId(string id, string what) =>
        new($"Invalid {what} ID: {id}; use head, genesis, finalized, a decimal slot or 0x and a 64-digit hex root.");
}
