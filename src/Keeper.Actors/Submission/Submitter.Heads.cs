using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Rpc;

namespace Keeper.Actors.Submission;

/// <content>Following transactions on each head: receipts, confirmations, reorgs, re-broadcasts, fee bumps, cancellations.</content>
public sealed partial class Submitter
{
    private static readonly Func<Task> Done = () => Task.CompletedTask;

    private Task OnHeadAsync(SubmitterHead m)
    {
        _head = Math.Max(_head, m.Number);
        _headTime = Math.Max(_headTime, m.Timestamp);
        return CheckAsync(m.Number, rebroadcastUnmined: false, Done);
    }

    private Task OnAbandonAsync(AbandonAction m)
    {
        if (_state.LiveFor(m.TaskKey) is not { } entry)
        {
            LogAbandonNothing(Log, m.TaskKey, m.Reason);
            return Task.CompletedTask;
        }

        var tracking = TrackingFor(entry.Nonce);
        tracking.Recipients.Add(Sender);
        if (entry.Latest.IsCancellation)
        {
            return Task.CompletedTask;
        }

        LogAbandoning(Log, m.TaskKey, entry.Nonce, entry.Latest.Hash, m.Reason);
        tracking.CancelWanted = true;
        return ReplaceAsync(entry.Nonce, _head, Done);
    }

    /// <summary>
    /// One pass over the live transactions and the recently mined ones, then <paramref name="done"/>. With
    /// <paramref name="rebroadcastUnmined"/> (recovery) every live transaction without a receipt is re-broadcast (when it
    /// is still this keeper's to send).
    /// </summary>
    private async Task CheckAsync(ulong head, bool rebroadcastUnmined, Func<Task> done)
    {
        var watched = _state.Entries.Values
            .Where(e => e.IsLive || (e.Mined is { } mined && mined.Block + (ulong)_options.ReorgWatchBlocks >= head))
            .Select(e => e.Nonce)
            .ToArray();
        if (watched.Length == 0)
        {
            await done();
            return;
        }

        if (await ViewAsync(watched, head) is not { } view)
        {
            // A reorg between the two calls, or the node is away: the next head looks again.
            await done();
            return;
        }

        await CheckNextAsync(new Queue<ulong>(watched), view, rebroadcastUnmined, done);
    }

    /// <summary>The receipts of every version of the transactions with <paramref name="nonces"/>, and which of their blocks are canonical; null when the node did not answer.</summary>
    private async Task<ChainView?> ViewAsync(IReadOnlyCollection<ulong> nonces, ulong head)
    {
        var hashes = nonces.SelectMany(n => _state.Entries[n].Versions.Select(v => v.Hash)).ToArray();
        try
        {
            var found = await _deps.Eth.GetTransactionReceiptsAsync(hashes, _stopping.Token);
            var receipts = found.OfType<TransactionReceipt>().ToDictionary(r => r.TransactionHash);
            var blocks = await _deps.Eth.GetBlocksAsync(receipts.Values.Select(r => r.BlockNumber).Distinct().Order().ToArray(), _stopping.Token);
            return new ChainView(head, receipts, blocks.ToDictionary(b => b.Number, b => b.Hash));
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            LogCheckFailed(Log, head, e.Message);
            return null;
        }
    }

    private Task CheckNextAsync(Queue<ulong> watched, ChainView view, bool rebroadcastUnmined, Func<Task> done) =>
        _haltReason is null && watched.TryDequeue(out var nonce)
            ? CheckEntryAsync(nonce, view, rebroadcastUnmined, () => CheckNextAsync(watched, view, rebroadcastUnmined, done))
            : done();

    private Task CheckEntryAsync(ulong nonce, ChainView view, bool rebroadcastUnmined, Func<Task> next)
    {
        var entry = _state.Entries[nonce];
        var receipt = view.CanonicalReceipt(entry);
        if (entry.Mined is not { } mined)
        {
            return FollowAsync(nonce, view, rebroadcastUnmined, next);
        }

        if (receipt is not null && receipt.TransactionHash == mined.Hash && receipt.BlockHash == mined.BlockHash)
        {
            return next();
        }

        Then(new TransactionReorged(nonce, mined.Hash, mined.Block), () =>
        {
            LogReorged(Log, entry.TaskKey, nonce, mined.Hash, mined.Block);
            TrackingFor(nonce).SeenInBlock = mined.Block;
            return FollowAsync(nonce, view, rebroadcastUnmined, next);
        });
        return Task.CompletedTask;
    }

    // A transaction with no mined receipt on record: confirm it, notice its nonce taken by another, re-broadcast or bump it.
    private async Task FollowAsync(ulong nonce, ChainView view, bool rebroadcastUnmined, Func<Task> next)
    {
        var entry = _state.Entries[nonce];
        var tracking = TrackingFor(nonce);
        var receipt = view.CanonicalReceipt(entry);
        if (receipt is not null)
        {
            tracking.SeenInBlock = receipt.BlockNumber;
            tracking.ForeignSince = null;
            if (receipt.BlockNumber <= view.Head && view.Head - receipt.BlockNumber + 1 >= (ulong)_options.Confirmations)
            {
                Then(new TransactionMined(nonce, receipt.TransactionHash, receipt.BlockNumber, receipt.BlockHash, receipt.Succeeded, receipt.GasUsed, receipt.Fee), () =>
                {
                    LogMined(Log, entry.TaskKey, nonce, receipt.TransactionHash, receipt.BlockNumber, receipt.Succeeded, receipt.GasUsed);
                    ReportFinished(nonce);
                    return next();
                });
                return;
            }

            await next();
            return;
        }

        if (!view.AnyReceipt(entry) && await NonceTakenByAnotherAsync(entry, tracking, view))
        {
            Then(new TransactionDropped(nonce, $"nonce {nonce} was used by another transaction of this account", NonceReleased: false), () =>
            {
                LogForeignNonce(Log, entry.TaskKey, nonce);
                ReportFinished(nonce);
                return next();
            });
            return;
        }

        if (tracking.SeenInBlock is not null || entry.State == TransactionState.Created || rebroadcastUnmined)
        {
            // Never sent for sure, sent by a previous process, or undone by a reorg: the same bytes again, if it is still ours.
            tracking.SeenInBlock = null;
            await ResendAsync(entry, view.Head, next);
            return;
        }

        tracking.SentAtHead ??= view.Head;
        if ((tracking.CancelWanted && !entry.Latest.IsCancellation) || view.Head >= tracking.SentAtHead.Value + (ulong)_options.BumpAfterBlocks)
        {
            await ReplaceAsync(nonce, view.Head, next);
            return;
        }

        await next();
    }

    /// <summary>
    /// True once the account's mined nonce has passed <paramref name="entry"/>'s with none of its versions mined, seen on
    /// heads at least <see cref="SubmitterOptions.Confirmations"/> apart (so a receipt that is merely late is not taken for
    /// a foreign transaction).
    /// </summary>
    private async Task<bool> NonceTakenByAnotherAsync(SubmissionEntry entry, SubmissionTracking tracking, ChainView view)
    {
        var mined = await view.MinedCountAsync(() => _deps.Eth.GetTransactionCountAsync(_account, BlockTag.Latest, _stopping.Token));
        if (mined is not { } count || count <= entry.Nonce)
        {
            tracking.ForeignSince = null;
            return false;
        }

        tracking.ForeignSince ??= view.Head;
        return view.Head >= tracking.ForeignSince.Value + (ulong)_options.Confirmations;
    }

    /// <summary>
    /// Sends an unfinished transaction again, after a restart or a reorg. An action is sent again only when the guard
    /// says it is still this keeper's (its claim is open and its own, and the call would not revert); otherwise its nonce
    /// is filled by a zero-value self-transfer, never by the stale call. A cancellation is always sent again.
    /// </summary>
    private async Task ResendAsync(SubmissionEntry entry, ulong head, Func<Task> next)
    {
        if (!entry.Latest.IsCancellation && entry.TaskKey is { } task && _deps.ResendGuard is { } guard)
        {
            ResendVerdict verdict;
            try
            {
                verdict = await guard.CheckAsync(task, new Chain.Contracts.RocketPool.ContractCall(entry.Latest.To, entry.Latest.Data, task), _account, NextBlockTime(), _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            switch (verdict.Kind)
            {
                case ResendVerdictKind.Unknown:
                    // Neither the store nor the node could say: send nothing now, ask again on the next head.
                    LogResendUndecided(Log, task, entry.Nonce, verdict.Reason);
                    TrackingFor(entry.Nonce).SeenInBlock = head;
                    await next();
                    return;
                case ResendVerdictKind.Cancel:
                    LogResendCancelled(Log, task, entry.Nonce, entry.Latest.Hash, verdict.Reason);
                    TrackingFor(entry.Nonce).CancelWanted = true;
                    await ReplaceAsync(entry.Nonce, head, next);
                    return;
            }
        }

        await RebroadcastAsync(entry, head, next);
    }

    private async Task RebroadcastAsync(SubmissionEntry entry, ulong head, Func<Task> next)
    {
        var latest = entry.Latest;
        var result = await SendAsync(latest);
        LogRebroadcast(Log, entry.TaskKey, entry.Nonce, latest.Hash, result.Kind, result.Message ?? string.Empty);
        if (result.InNodeHands)
        {
            TrackingFor(entry.Nonce).SentAtHead = head;
            if (entry.State == TransactionState.Created)
            {
                Then(new TransactionSent(entry.Nonce, latest.Hash, Context.System.Scheduler.Now), next);
                return;
            }

            await next();
            return;
        }

        if (result.Kind == SendResultKind.Rejected)
        {
            await TryReleaseAsync(entry, result.Message!, released =>
            {
                if (released)
                {
                    LogRejected(Log, entry.TaskKey, entry.Nonce, latest.Hash, result.Message!);
                    ReportFinished(entry.Nonce);
                    _tracking.Remove(entry.Nonce);
                }

                return next();
            });
            return;
        }

        await next();
    }

    /// <summary>
    /// Signs and sends the next version for <paramref name="nonce"/>: a fee bump of the latest version, or (when a
    /// cancellation is wanted, or the latest already is one) a zero-value self-transfer. Journaled before it is sent.
    /// </summary>
    private async Task ReplaceAsync(ulong nonce, ulong head, Func<Task> next)
    {
        var entry = _state.Entries[nonce];
        var tracking = TrackingFor(nonce);
        var latest = entry.Latest;
        FeeQuote? market = null;
        try
        {
            market = await _deps.Fees.QuoteAsync(_stopping.Token);
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            // The bump alone is enough to replace; the market price only raises it.
            LogCheckFailed(Log, head, e.Message);
        }

        var cap = _deps.Fees.Options.MaxFeePerGasCap;
        var fees = FeeBump.Next(latest.MaxFeePerGas, latest.MaxPriorityFeePerGas, market, cap);
        var cancel = tracking.CancelWanted || latest.IsCancellation;
        if (!fees.WithinCap)
        {
            LogBumpCapped(Log, entry.TaskKey, nonce, latest.Hash, Gwei(fees.MaxFeePerGas), Gwei(cap));
            tracking.SentAtHead = head;
            if (cancel && !latest.IsCancellation)
            {
                // The stale call must not go out again; the cancellation is tried again on the next head.
                await next();
                return;
            }

            await RebroadcastAsync(entry, head, next);
            return;
        }

        var version = cancel
            ? Sign(nonce, _account, [], TransferGas, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, cancellation: true)
            : Sign(nonce, latest.To, latest.Data, latest.GasLimit, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, cancellation: false);
        Then(new TransactionReplaced(nonce, version), async () =>
        {
            tracking.CancelWanted = false;
            tracking.SentAtHead = head;
            LogReplaced(Log, entry.TaskKey, nonce, version.Hash, Gwei(version.MaxFeePerGas), Gwei(version.MaxPriorityFeePerGas), cancel);
            var result = await SendAsync(version);
            if (result.InNodeHands)
            {
                Then(new TransactionSent(nonce, version.Hash, Context.System.Scheduler.Now), next);
                return;
            }

            LogReplacementNotAccepted(Log, entry.TaskKey, nonce, version.Hash, result.Kind, result.Message ?? string.Empty);
            await next();
        });
    }

    // The time the next block will most likely have: the last head's plus one slot.
    private ulong NextBlockTime() => _headTime + (ulong)_options.Slot.TotalSeconds;
}
