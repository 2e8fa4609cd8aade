using Keeper.Actors.Persistence;

namespace Keeper.Actors.Submission;

/// <content>Start after an upgrade: this account's history brought over from the journal Keeper kept before Akka.Persistence.</content>
public sealed partial class Submitter
{
    private bool _legacyChecked;

    /// <summary>
    /// Imports the old journal's events of this account into the Akka journal, once, when they hold a transaction that
    /// may still be mined or that a reorg may still undo; then <paramref name="next"/>. The events go through the same
    /// Persist and <see cref="SubmitterState.Apply"/> as live ones, under this submitter's persistence id, in one atomic
    /// write, so a crash leaves all of them or none; the import is then marked done. A start that finds them here
    /// already (the marker lost to a crash) only marks it. When the Akka journal holds other events of this account and
    /// the old one holds unfinished transactions, importing could give one nonce to two transactions: the submitter
    /// refuses to act and says what to do.
    /// </summary>
    private async Task ImportLegacyAsync(ILegacyJournal legacy, ulong head, Func<Task> next)
    {
        LegacyJournalContents old;
        SubmitterState before;
        try
        {
            old = await legacy.ReadAsync(_persistenceId, _stopping.Token);
            before = old.Events.Aggregate(SubmitterState.Empty, (state, e) => state.Apply(e));
        }
        catch (StoreException e)
        {
            LogRecoveryFailed(Log, _persistenceId, _options.RecoveryRetryInterval, e);
            Timers.StartSingleTimer(Resume.Instance, Resume.Instance, _options.RecoveryRetryInterval);
            return;
        }
        catch (SubmissionJournalException e)
        {
            RefuseLegacy($"the old journal ({legacy.Description}) cannot be replayed: {e.Message}. Move the store aside or fix the rows, then restart");
            return;
        }

        _legacyChecked = true;
        if (old.AlreadyImported || old.Events.Count == 0)
        {
            await next();
            return;
        }

        if (old.Snapshots > 0)
        {
            LogLegacySnapshotsIgnored(Log, legacy.Description, old.Snapshots);
        }

        var live = before.Live.Select(e => e.Nonce).ToArray();
        var watched = live.Length > 0
            || before.Entries.Values.Any(e => e.State == TransactionState.Succeeded && e.Mined!.Block + (ulong)_options.ReorgWatchBlocks >= head);
        if (LastSequenceNr == 0 && watched)
        {
            PersistAllLegacy(legacy, old.Events, live.Length, next);
            return;
        }

        var here = before.Entries.Values.All(e => _state.Entries.TryGetValue(e.Nonce, out var now) && e.Versions.All(v => now.VersionOf(v.Hash) is not null));
        if (LastSequenceNr > 0 && live.Length > 0 && !here)
        {
            RefuseLegacy(
                $"the old journal ({legacy.Description}) holds unfinished transactions of {_persistenceId} (nonces {string.Join(", ", live)}) that were "
                + $"never imported, while the Akka journal (table '{SqlPersistenceConfig.JournalTable}') already holds {LastSequenceNr} events of this "
                + "account written since: importing them now could give one nonce to two transactions. Check those nonces of "
                + $"{_account} on chain; once none of them is pending, delete the old rows (DELETE FROM {SqlLegacyJournal.JournalTable} WHERE "
                + $"persistence_id = '{_persistenceId}') and restart");
            return;
        }

        LogLegacyNothingToImport(Log, _persistenceId, legacy.Description, old.Events.Count);
        await MarkLegacyAsync(legacy, 0);
        await next();
    }

    private void PersistAllLegacy(ILegacyJournal legacy, IReadOnlyList<SubmissionEvent> events, int live, Func<Task> next)
    {
        var remaining = events.Count;
        PersistAll(events, persisted =>
        {
            _state = _state.Apply(persisted);
            if (--remaining == 0)
            {
                RunTask(async () =>
                {
                    LogLegacyImported(Log, _persistenceId, events.Count, live, legacy.Description);
                    await MarkLegacyAsync(legacy, events.Count);
                    await next();
                });
            }
        });
    }

    private async Task MarkLegacyAsync(ILegacyJournal legacy, int events)
    {
        try
        {
            await legacy.MarkImportedAsync(_persistenceId, events, Context.System.Scheduler.Now, _stopping.Token);
        }
        catch (StoreException e)
        {
            // The next start finds the events here already (or nothing to import) and marks it then.
            LogLegacyMarkFailed(Log, _persistenceId, e.Message);
        }
    }

    private void RefuseLegacy(string reason)
    {
        LogLegacyRefused(Log, _persistenceId, reason);
        Halt(reason);
    }
}
