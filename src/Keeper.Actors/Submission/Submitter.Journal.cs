using System.Numerics;
using Akka.Actor;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Nethereum.Model;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <content>Signing, sending and reporting.</content>
public sealed partial class Submitter
{
    private TransactionVersion Sign(ulong nonce, Address to, byte[] data, ulong gasLimit, BigInteger maxFee, BigInteger tip, bool cancellation)
    {
        var transaction = new Transaction1559(_options.ChainId, nonce, tip, maxFee, gasLimit, to.ToLowerHex(), BigInteger.Zero, Hex.Encode(data), []);
        var signed = _deps.Key.Sign(transaction);
        return new TransactionVersion(signed.Hash, signed.Bytes, to, data.ToArray(), gasLimit, maxFee, tip, cancellation);
    }

    private async Task<SendResult> SendAsync(TransactionVersion version)
    {
        try
        {
            var hash = await _deps.Eth.SendRawTransactionAsync(version.Raw, _stopping.Token);
            if (hash != version.Hash)
            {
                LogHashMismatch(Log, version.Hash, hash);
            }

            return new SendResult(SendResultKind.Accepted, null);
        }
        catch (JsonRpcNodeException e) when (NodeErrors.MeansAlreadySubmitted(e.NodeMessage))
        {
            return new SendResult(SendResultKind.AlreadySubmitted, e.NodeMessage);
        }
        catch (JsonRpcNodeException e)
        {
            return new SendResult(SendResultKind.Rejected, e.NodeMessage);
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            return new SendResult(SendResultKind.Unknown, e.Message);
        }
    }

    /// <summary>
    /// After a node rejected a transaction no node was ever seen to accept: drops it and hands its nonce back, but only
    /// when that is certainly safe, then runs <paramref name="next"/> with whether it did. It must be the highest nonce
    /// in use (releasing a lower one would leave a gap that blocks every later transaction), and the node's pending
    /// count must show no transaction of ours at that nonce (a rejection by one endpoint says nothing of an earlier
    /// attempt that timed out but reached another).
    /// </summary>
    private async Task TryReleaseAsync(SubmissionEntry entry, string reason, Func<bool, Task> next)
    {
        if (entry.State != TransactionState.Created || entry.Versions.Count != 1 || entry.Nonce + 1 != _state.NextNonce)
        {
            await next(false);
            return;
        }

        ulong pending;
        try
        {
            pending = await _deps.Eth.GetTransactionCountAsync(_account, BlockTag.Pending, _stopping.Token);
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            await next(false);
            return;
        }

        if (pending > entry.Nonce)
        {
            await next(false);
            return;
        }

        Then(new TransactionDropped(entry.Nonce, $"rejected by the node: {reason}", NonceReleased: true), () => next(true));
    }

    private void ReportFinished(ulong nonce)
    {
        var entry = _state.Entries[nonce];
        if (entry.TaskKey is not { } task)
        {
            return;
        }

        ActionOutcome? outcome = entry.State switch
        {
            TransactionState.Cancelled => new ActionCancelled(task, entry.Mined!.Hash, entry.Mined.Block) { GasUsed = entry.Mined.GasUsed, Fee = entry.Mined.Fee },
            TransactionState.Succeeded or TransactionState.Reverted =>
                new ActionMined(task, entry.Mined!.Hash, entry.Mined.Block, entry.Mined.Succeeded, entry.Mined.GasUsed, entry.Mined.Fee,
                    entry.Mined.Block + (ulong)_options.ReorgWatchBlocks),
            TransactionState.Dropped => new ActionDropped(task, nonce, entry.DropReason ?? "dropped"),
            _ => null,
        };
        if (outcome is not null)
        {
            Deliver(nonce, outcome);
        }
    }

    private void Deliver(ulong nonce, ActionOutcome outcome)
    {
        var recipients = new HashSet<IActorRef>(_subscribers);
        if (_tracking.TryGetValue(nonce, out var tracking))
        {
            recipients.UnionWith(tracking.Recipients);
        }

        if (recipients.Count == 0)
        {
            _undelivered[outcome.TaskKey] = outcome;
            return;
        }

        foreach (var recipient in recipients)
        {
            recipient.Tell(outcome, Self);
        }
    }
}
