using System.Collections.Immutable;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>Everything the journal says about the transaction with one nonce.</summary>
/// <param name="TaskKey">The task, or null for a bare self-transfer.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="Versions">Every version signed for the nonce, oldest first; any of them may be the one mined.</param>
/// <param name="State">Where it is.</param>
/// <param name="Mined">The confirmed inclusion, while <paramref name="State"/> is Succeeded, Reverted or Cancelled.</param>
/// <param name="DropReason">Why it was dropped, when <paramref name="State"/> is Dropped.</param>
/// <param name="NonceReleased">True when it was dropped and its nonce handed back for reuse.</param>
/// <param name="SentAt">When a node first accepted a version of it, if the journal says (see <see cref="TransactionSent.At"/>).</param>
public sealed record SubmissionEntry(
    string? TaskKey,
    ulong Nonce,
    ImmutableList<TransactionVersion> Versions,
    TransactionState State,
    TransactionMined? Mined,
    string? DropReason,
    bool NonceReleased,
    DateTimeOffset? SentAt = null)
{
    /// <summary>The version sent last: the one re-broadcast and bumped.</summary>
    public TransactionVersion Latest => Versions[^1];

    /// <summary>True while it may still be mined: created or pending.</summary>
    public bool IsLive => State is TransactionState.Created or TransactionState.Pending;

    /// <summary>The version with <paramref name="hash"/>, or null.</summary>
    public TransactionVersion? VersionOf(Hash32 hash) => Versions.Find(v => v.Hash == hash);

    /// <summary>The status view.</summary>
    public TransactionRecord ToRecord() => new(
        TaskKey,
        Nonce,
        Mined?.Hash ?? Latest.Hash,
        State,
        Latest.MaxFeePerGas,
        Latest.MaxPriorityFeePerGas,
        Mined?.Block,
        Mined?.GasUsed,
        Versions.Count - 1)
    {
        EffectiveGasPrice = Mined is { GasUsed: > 0 } m ? m.Fee / m.GasUsed : null,
        Fee = Mined?.Fee,
        SentAt = SentAt,
    };
}
