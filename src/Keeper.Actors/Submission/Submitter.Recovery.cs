using Keeper.Actors.Persistence;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;

namespace Keeper.Actors.Submission;

/// <content>Start: rebuild from the journal, agree on the next nonce with the node, resume unfinished transactions.</content>
public sealed partial class Submitter
{
    private async Task RecoverAsync()
    {
        var token = _stopping.Token;
        SubmitterState state;
        long sequenceNr;
        ulong pendingCount;
        ulong head;
        try
        {
            (state, sequenceNr) = await ReplayAsync(token);
            pendingCount = await _deps.Eth.GetTransactionCountAsync(_account, BlockTag.Pending, token);
            head = await _deps.Eth.BlockNumberAsync(token);
        }
        catch (SubmissionJournalException e)
        {
            LogJournalUnreadable(Log, _persistenceId, e);
            Halt($"the journal {_persistenceId} cannot be read: {e.Message}");
            Stash.UnstashAll();
            return;
        }
        catch (Exception e) when (e is StoreException or JsonRpcException or EthResponseException)
        {
            LogRecoveryFailed(Log, _persistenceId, _options.RecoveryRetryInterval, e);
            Timers.StartSingleTimer(Recover.Instance, Recover.Instance, _options.RecoveryRetryInterval);
            return;
        }

        // The node may know transactions of this account the journal does not (another wallet used the key): never
        // reuse those nonces. The journal may know more than the node (sent just before a crash, or never sent).
        _state = state with { NextNonce = Math.Max(state.NextNonce, pendingCount) };
        _sequenceNr = sequenceNr;
        _head = head;
        var live = _state.Live.ToArray();
        foreach (var entry in live)
        {
            TrackingFor(entry.Nonce).SentAtHead = head;
        }

        LogRecovered(Log, _persistenceId, sequenceNr, live.Length, _state.NextNonce, pendingCount);
        await CheckAsync(head, rebroadcastUnmined: true);
        if (_haltReason is null)
        {
            Become(Active);
        }

        Stash.UnstashAll();
    }

    private async Task<(SubmitterState State, long SequenceNr)> ReplayAsync(CancellationToken cancellationToken)
    {
        var state = SubmitterState.Empty;
        long sequenceNr = 0;
        while (true)
        {
            var page = await _deps.Journal.ReadAsync(_persistenceId, sequenceNr + 1, long.MaxValue, ReadPageSize, cancellationToken);
            foreach (var entry in page)
            {
                state = state.Apply(SubmissionEventSerializer.Deserialize(entry.Manifest, entry.Payload));
                sequenceNr = entry.SequenceNr;
            }

            if (page.Count < ReadPageSize)
            {
                break;
            }
        }

        // Deleted events never lower the highest number, and the next write must continue from it.
        var highest = await _deps.Journal.HighestSequenceNrAsync(_persistenceId, cancellationToken);
        return (state, Math.Max(sequenceNr, highest));
    }
}
