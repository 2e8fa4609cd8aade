using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Actors.Submission;

/// <content>Following transactions on each head: receipts, confirmations, reorgs, re-broadcasts, fee bumps, cancellations.</content>
public sealed partial class Submitter
{
    private async Task OnHeadAsync(SubmitterHead m)
    {
        _head = Math.Max(_head, m.Number);
        await CheckAsync(m.Number, rebroadcastUnmined: false);
    }

    private async Task OnAbandonAsync(AbandonAction m)
    {
        if (_state.LiveFor(m.TaskKey) is not { } entry)
        {
            LogAbandonNothing(Log, m.TaskKey, m.Reason);
            return;
        }

        var tracking = TrackingFor(entry.Nonce);
        tracking.Recipients.Add(Sender);
        if (entry.Latest.IsCancellation)
        {
            return;
        }

        LogAbandoning(Log, m.TaskKey, entry.Nonce, entry.Latest.Hash, m.Reason);
        tracking.CancelWanted = true;
        await ReplaceAsync(entry.Nonce, _head);
    }

    /// <summary>
    /// One pass over the live transactions and the recently mined ones. With <paramref name="rebroadcastUnmined"/>
    /// (recovery) every live transaction without a receipt is re-broadcast.
    /// </summary>
    private async Task CheckAsync(ulong head, bool rebroadcastUnmined)
    {
        var watched = _state.Entries.Values
            .Where(e => e.IsLive || (e.Mined is { } mined && mined.Block + (ulong)_options.ReorgWatchBlocks >= head))
            .Select(e => e.Nonce)
            .ToArray();
        if (watched.Length == 0)
        {
            return;
        }

        var hashes = watched.SelectMany(n => _state.Entries[n].Versions.Select(v => v.Hash)).ToArray();
        Dictionary<Hash32, TransactionReceipt> receipts;
        Dictionary<ulong, Hash32> canonical;
        try
        {
            var found = await _deps.Eth.GetTransactionReceiptsAsync(hashes, _stopping.Token);
            receipts = found.OfType<TransactionReceipt>().ToDictionary(r => r.TransactionHash);
            var blocks = await _deps.Eth.GetBlocksAsync(receipts.Values.Select(r => r.BlockNumber).Distinct().Order().ToArray(), _stopping.Token);
            canonical = blocks.ToDictionary(b => b.Number, b => b.Hash);
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            // A reorg between the two calls, or the node is away: the next head looks again.
            LogCheckFailed(Log, head, e.Message);
            return;
        }

        var view = new ChainView(head, receipts, canonical);
        foreach (var nonce in watched)
        {
            if (_haltReason is not null)
            {
                return;
            }

            await CheckEntryAsync(nonce, view, rebroadcastUnmined);
        }
    }

    private async Task CheckEntryAsync(ulong nonce, ChainView view, bool rebroadcastUnmined)
    {
        var entry = _state.Entries[nonce];
        var tracking = TrackingFor(nonce);
        var receipt = view.CanonicalReceipt(entry);
        if (entry.Mined is { } mined)
        {
            if (receipt is not null && receipt.TransactionHash == mined.Hash && receipt.BlockHash == mined.BlockHash)
            {
                return;
            }

            if (!await PersistAsync(new TransactionReorged(nonce, mined.Hash, mined.Block)))
            {
                return;
            }

            LogReorged(Log, entry.TaskKey, nonce, mined.Hash, mined.Block);
            entry = _state.Entries[nonce];
            tracking.SeenInBlock = mined.Block;
        }

        if (receipt is not null)
        {
            tracking.SeenInBlock = receipt.BlockNumber;
            tracking.ForeignSince = null;
            if (receipt.BlockNumber <= view.Head && view.Head - receipt.BlockNumber + 1 >= (ulong)_options.Confirmations)
            {
                var minedEvent = new TransactionMined(nonce, receipt.TransactionHash, receipt.BlockNumber, receipt.BlockHash, receipt.Succeeded, receipt.GasUsed, receipt.Fee);
                if (await PersistAsync(minedEvent))
                {
                    LogMined(Log, entry.TaskKey, nonce, receipt.TransactionHash, receipt.BlockNumber, receipt.Succeeded, receipt.GasUsed);
                    ReportFinished(nonce);
                }
            }

            return;
        }

        if (!view.AnyReceipt(entry) && await NonceTakenByAnotherAsync(entry, tracking, view))
        {
            if (await PersistAsync(new TransactionDropped(nonce, $"nonce {nonce} was used by another transaction of this account", NonceReleased: false)))
            {
                LogForeignNonce(Log, entry.TaskKey, nonce);
                ReportFinished(nonce);
            }

            return;
        }

        if (tracking.SeenInBlock is not null || entry.State == TransactionState.Created || rebroadcastUnmined)
        {
            // Never sent for sure, sent by a previous process, or undone by a reorg: the same bytes again.
            tracking.SeenInBlock = null;
            await RebroadcastAsync(entry, view.Head);
            return;
        }

        tracking.SentAtHead ??= view.Head;
        if ((tracking.CancelWanted && !entry.Latest.IsCancellation) || view.Head >= tracking.SentAtHead.Value + (ulong)_options.BumpAfterBlocks)
        {
            await ReplaceAsync(nonce, view.Head);
        }
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

    private async Task RebroadcastAsync(SubmissionEntry entry, ulong head)
    {
        var latest = entry.Latest;
        var result = await SendAsync(latest);
        LogRebroadcast(Log, entry.TaskKey, entry.Nonce, latest.Hash, result.Kind, result.Message ?? string.Empty);
        if (result.InNodeHands)
        {
            TrackingFor(entry.Nonce).SentAtHead = head;
            if (entry.State == TransactionState.Created)
            {
                await PersistAsync(new TransactionSent(entry.Nonce, latest.Hash));
            }

            return;
        }

        if (result.Kind == SendResultKind.Rejected && await TryReleaseAsync(entry, result.Message!))
        {
            LogRejected(Log, entry.TaskKey, entry.Nonce, latest.Hash, result.Message!);
            ReportFinished(entry.Nonce);
            _tracking.Remove(entry.Nonce);
        }
    }

    /// <summary>
    /// Signs and sends the next version for <paramref name="nonce"/>: a fee bump of the latest version, or (when a
    /// cancellation is wanted, or the latest already is one) a zero-value self-transfer. Journaled before it is sent.
    /// </summary>
    private async Task ReplaceAsync(ulong nonce, ulong head)
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
        if (!fees.WithinCap)
        {
            LogBumpCapped(Log, entry.TaskKey, nonce, latest.Hash, Gwei(fees.MaxFeePerGas), Gwei(cap));
            tracking.SentAtHead = head;
            await RebroadcastAsync(entry, head);
            return;
        }

        var cancel = tracking.CancelWanted || latest.IsCancellation;
        var version = cancel
            ? Sign(nonce, _account, [], TransferGas, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, cancellation: true)
            : Sign(nonce, latest.To, latest.Data, latest.GasLimit, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, cancellation: false);
        if (!await PersistAsync(new TransactionReplaced(nonce, version)))
        {
            return;
        }

        tracking.CancelWanted = false;
        tracking.SentAtHead = head;
        LogReplaced(Log, entry.TaskKey, nonce, version.Hash, Gwei(version.MaxFeePerGas), Gwei(version.MaxPriorityFeePerGas), cancel);
        var result = await SendAsync(version);
        if (result.InNodeHands)
        {
            await PersistAsync(new TransactionSent(nonce, version.Hash));
        }
        else
        {
            LogReplacementNotAccepted(Log, entry.TaskKey, nonce, version.Hash, result.Kind, result.Message ?? string.Empty);
        }
    }
}
