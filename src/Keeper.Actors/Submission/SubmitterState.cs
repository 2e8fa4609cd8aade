using System.Collections.Immutable;

namespace Keeper.Actors.Submission;

/// <summary>
/// The submitter's transactions as its journal describes them, with one pure transition per event: the live actor
/// applies each event after journaling it, and a restart applies the same events in order to get the same state.
/// </summary>
/// <param name="NextNonce">The nonce the next new transaction takes (before consulting the node).</param>
/// <param name="Entries">Every transaction, by nonce.</param>
public sealed record SubmitterState(ulong NextNonce, ImmutableSortedDictionary<ulong, SubmissionEntry> Entries)
{
    /// <summary>No transactions.</summary>
    public static SubmitterState Empty { get; } = new(0, ImmutableSortedDictionary<ulong, SubmissionEntry>.Empty);

    /// <summary>Transactions that may still be mined, by nonce.</summary>
    public IEnumerable<SubmissionEntry> Live => Entries.Values.Where(e => e.IsLive);

    /// <summary>The live transaction for <paramref name="taskKey"/>, or null.</summary>
    public SubmissionEntry? LiveFor(string taskKey) =>
        Entries.Values.FirstOrDefault(e => e.IsLive && string.Equals(e.TaskKey, taskKey, StringComparison.Ordinal));

    /// <summary>The state after <paramref name="event"/>.</summary>
    /// <exception cref="SubmissionJournalException">The event contradicts the state (a journal this code did not write).</exception>
    public SubmitterState Apply(SubmissionEvent @event) => @event switch
    {
        TransactionCreated e => Created(e),
        TransactionSent e => Update(e.Nonce, entry => Known(entry, e.Hash, "sent") with
        {
            State = entry.State == TransactionState.Created ? TransactionState.Pending : entry.State,
            SentAt = entry.SentAt ?? e.At,
        }),
        TransactionReplaced e => Update(e.Nonce, entry => entry.IsLive
            ? entry with { Versions = entry.Versions.Add(e.Version) }
            : throw Inconsistent(e, $"the transaction is {entry.State}, not live")),
        TransactionMined e => Update(e.Nonce, entry => entry with
        {
            State = Known(entry, e.Hash, "mined").VersionOf(e.Hash)!.IsCancellation
                ? TransactionState.Cancelled
                : e.Succeeded ? TransactionState.Succeeded : TransactionState.Reverted,
            Mined = e,
        }),
        TransactionReorged e => Update(e.Nonce, entry => entry.Mined is not null
            ? entry with { State = TransactionState.Pending, Mined = null }
            : throw Inconsistent(e, "the transaction was not mined")),
        TransactionDropped e => Dropped(e),
        null => throw new ArgumentNullException(nameof(@event)),
        _ => throw new ArgumentException($"Unknown submission event {@event.GetType().Name}.", nameof(@event)),
    };

    private SubmitterState Created(TransactionCreated e)
    {
        if (Entries.TryGetValue(e.Nonce, out var existing) && !existing.NonceReleased)
        {
            throw Inconsistent(e, $"nonce {e.Nonce} is already taken by a {existing.State} transaction");
        }

        var entry = new SubmissionEntry(e.TaskKey, e.Nonce, [e.Version], TransactionState.Created, null, null, false);
        return new SubmitterState(Math.Max(NextNonce, e.Nonce + 1), Entries.SetItem(e.Nonce, entry));
    }

    private SubmitterState Dropped(TransactionDropped e)
    {
        var next = this;
        if (e.NonceReleased)
        {
            if (e.Nonce + 1 != NextNonce)
            {
                throw Inconsistent(e, $"only the highest nonce in use ({NextNonce - 1}) can be released");
            }

            next = this with { NextNonce = e.Nonce };
        }

        return next.Update(e.Nonce, entry => entry.IsLive
            ? entry with { State = TransactionState.Dropped, DropReason = e.Reason, NonceReleased = e.NonceReleased }
            : throw Inconsistent(e, $"the transaction is {entry.State}, not live"));
    }

    private SubmitterState Update(ulong nonce, Func<SubmissionEntry, SubmissionEntry> change) =>
        Entries.TryGetValue(nonce, out var entry)
            ? this with { Entries = Entries.SetItem(nonce, change(entry)) }
            : throw new SubmissionJournalException($"The submission journal refers to nonce {nonce}, for which it holds no created transaction.");

    private static SubmissionEntry Known(SubmissionEntry entry, Keeper.Chain.Primitives.Hash32 hash, string what) =>
        entry.VersionOf(hash) is not null
            ? entry
            : throw new SubmissionJournalException($"The submission journal says {hash} was {what} for nonce {entry.Nonce}, but no version with that hash was journaled.");

    private static SubmissionJournalException Inconsistent(SubmissionEvent e, string why) =>
        new($"The submission journal's {e.GetType().Name} for nonce {e.Nonce} contradicts the events before it: {why}.");
}
