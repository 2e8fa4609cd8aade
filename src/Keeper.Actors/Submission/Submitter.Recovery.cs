using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;

namespace Keeper.Actors.Submission;

/// <content>Start: after Akka replayed the journal, agree on the next nonce with the node and resume unfinished transactions.</content>
public sealed partial class Submitter
{
    private async Task ResumeAsync()
    {
        if (_unreadable is { } unreadable)
        {
            LogJournalUnreadable(Log, _persistenceId, unreadable);
            Halt($"the journal {_persistenceId} cannot be read: {unreadable.Message}");
            return;
        }

        var token = _stopping.Token;
        ulong pendingCount;
        BlockHeader head;
        try
        {
            pendingCount = await _deps.Eth.GetTransactionCountAsync(_account, BlockTag.Pending, token);
            head = await _deps.Eth.GetBlockAsync(BlockTag.Latest, token);
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            LogRecoveryFailed(Log, _persistenceId, _options.RecoveryRetryInterval, e);
            Timers.StartSingleTimer(Resume.Instance, Resume.Instance, _options.RecoveryRetryInterval);
            return;
        }

        if (_deps.LegacyJournal is { } legacy && !_legacyChecked)
        {
            // Before anything is resumed or sent: the old journal may hold this account's transaction in flight.
            await ImportLegacyAsync(legacy, head.Number, () => ResumedFromJournalAsync(pendingCount, head));
            return;
        }

        await ResumedFromJournalAsync(pendingCount, head);
    }

    private async Task ResumedFromJournalAsync(ulong pendingCount, BlockHeader head)
    {
        // The node may know transactions of this account the journal does not (another wallet used the key): never
        // reuse those nonces. The journal may know more than the node (sent just before a crash, or never sent).
        _state = _state with { NextNonce = Math.Max(_state.NextNonce, pendingCount) };
        _head = head.Number;
        _headTime = head.Timestamp;
        var live = _state.Live.ToArray();
        foreach (var entry in live)
        {
            TrackingFor(entry.Nonce).SentAtHead = head.Number;
        }

        LogRecovered(Log, _persistenceId, LastSequenceNr, live.Length, _state.NextNonce, pendingCount);
        await CheckAsync(head.Number, rebroadcastUnmined: true, Resumed);
    }

    private Task Resumed()
    {
        if (_haltReason is null)
        {
            Become(Active);
        }

        Stash.UnstashAll();
        return Task.CompletedTask;
    }
}
