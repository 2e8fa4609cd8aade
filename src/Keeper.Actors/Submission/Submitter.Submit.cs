using System.Numerics;
using Akka.Actor;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Rpc;

namespace Keeper.Actors.Submission;

/// <content>A new action: checks in order (pending, allow-list, simulation, gas, fee cap, profit), then journal and send.</content>
public sealed partial class Submitter
{
    private async Task OnSubmitAsync(SubmitAction m)
    {
        var requester = Sender;
        if (JoinInFlight(m.TaskKey, requester))
        {
            return;
        }

        if (_undelivered.Remove(m.TaskKey, out var earlier))
        {
            requester.Tell(earlier, Self);
            return;
        }

        if (RecentlySucceeded(m.TaskKey) is { } done)
        {
            // Asked again for an action this submitter saw succeed: whoever asks no longer sees it done, most likely
            // because a reorg undid it and the asker heard first (the pool's re-read can make the duty due before the new
            // head has reached this submitter through the gate, and a head's check can fail on the node). Look at that
            // transaction now, as its head would: undone, it is pending again and re-sent only if still ours, and this
            // request joins it. A new transaction for the task would do the action twice, or revert.
            if (await ViewAsync([done.Nonce], _head) is not { } view)
            {
                requester.Tell(new ActionNotSent(m.TaskKey, NotSentReason.Unavailable,
                    $"could not check whether a reorg undid transaction {done.Mined!.Hash} (nonce {done.Nonce}), which did this action in block {done.Mined.Block}"), Self);
                return;
            }

            // Should journaling the reorg fail, the requester hears that nothing was sent.
            _journaling = (m.TaskKey, requester);
            await CheckEntryAsync(done.Nonce, view, rebroadcastUnmined: false, () =>
            {
                _journaling = null;
                return JoinInFlight(m.TaskKey, requester) ? Task.CompletedTask : SubmitNewAsync(m, requester);
            });
            return;
        }

        await SubmitNewAsync(m, requester);
    }

    // Typically the gate re-asking after a restart or a reorg: it becomes a recipient of the transaction already in flight.
    private bool JoinInFlight(string task, IActorRef requester)
    {
        if (_state.LiveFor(task) is not { } live)
        {
            return false;
        }

        TrackingFor(live.Nonce).Recipients.Add(requester);
        requester.Tell(new ActionNotSent(task, NotSentReason.AlreadyPending,
            $"transaction {live.Latest.Hash} with nonce {live.Nonce} is {live.State}; its outcome will follow"), Self);
        return true;
    }

    // The task's transaction mined with success recently enough that a reorg may still undo it.
    private SubmissionEntry? RecentlySucceeded(string task) =>
        _state.Entries.Values.LastOrDefault(e => string.Equals(e.TaskKey, task, StringComparison.Ordinal)
            && e.State == TransactionState.Succeeded && e.Mined!.Block + (ulong)_options.ReorgWatchBlocks >= _head);

    private async Task SubmitNewAsync(SubmitAction m, IActorRef requester)
    {
        // Gas estimation at the next block's time is itself the simulation: a call that would revert fails it, with the
        // revert data. (The gate has simulated just before, too.)
        var refusal = Refuse(m);
        if (refusal is not null)
        {
            requester.Tell(refusal, Self);
            return;
        }

        if (_balance is { State: SignerBalanceState.Zero } empty)
        {
            // Nothing to pay with: not even the estimate and fee requests are worth making.
            requester.Tell(Unfunded(m.TaskKey, $"signer {_account} holds 0 ETH at block {empty.Block}; send ETH to it"), Self);
            return;
        }

        var (gasLimit, quote, priced) = await PriceAsync(m);
        if (priced is not null)
        {
            requester.Tell(priced, Self);
            return;
        }

        CreateAndSend(m.TaskKey, m.Call, gasLimit, quote!, requester);
    }

    private ActionNotSent? Refuse(SubmitAction m)
    {
        var call = m.Call;
        // A zero-value self-transfer with no data is how a pending transaction is cancelled; it calls no contract.
        if (call.Data.Length == 0 && call.To == _account)
        {
            return null;
        }

        if (_deps.AllowList.Refusal(call.To, call.Data) is not { } why)
        {
            return null;
        }

        LogNotAllowed(Log, m.TaskKey, call.Description, why);
        return new ActionNotSent(m.TaskKey, NotSentReason.NotAllowed, $"{call.Description}: {why}");
    }

    // One fee quote per head: every action sent for the same block is priced alike, with one eth_feeHistory.
    private async Task<FeeQuote> QuoteAsync()
    {
        if (_quote is { } cached && cached.Head == _head && _head != 0)
        {
            return cached.Quote;
        }

        var quote = await _deps.Fees.QuoteAsync(_stopping.Token);
        _quote = (_head, quote);
        return quote;
    }

    private async Task<(ulong GasLimit, FeeQuote? Quote, ActionNotSent? Refusal)> PriceAsync(SubmitAction m)
    {
        var task = m.TaskKey;
        ulong estimate;
        try
        {
            estimate = await EstimateGasAsync(Request(m.Call), m.NextBlockTime);
        }
        catch (JsonRpcNodeException e) when (NodeErrors.MeansInsufficientFunds(e.NodeMessage))
        {
            return (0, null, Unfunded(task, $"the node answered that signer {_account} cannot pay for it ({e.NodeMessage}); send ETH to it"));
        }
        catch (JsonRpcNodeException e)
        {
            return Refused(new ActionNotSent(task, NotSentReason.WouldRevert, $"gas estimation failed: {Describe(e)}"));
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            return Refused(new ActionNotSent(task, NotSentReason.Unavailable, $"gas estimation could not run: {e.Message}"));
        }

        if (estimate > _options.MaxGasLimit)
        {
            return Refused(new ActionNotSent(task, NotSentReason.AboveFeeCap,
                $"the call needs an estimated {estimate} gas, above the configured MaxGasLimit of {_options.MaxGasLimit}"));
        }

        var gasLimit = Math.Min(_options.MaxGasLimit, (ulong)Math.Ceiling(estimate * _options.GasLimitMultiplier));
        FeeQuote quote;
        try
        {
            quote = await QuoteAsync();
        }
        catch (Exception e) when (e is JsonRpcException or EthResponseException)
        {
            return Refused(new ActionNotSent(task, NotSentReason.Unavailable, $"fees could not be quoted: {e.Message}"));
        }

        if (!quote.WithinCap)
        {
            LogAboveFeeCap(Log, task, Gwei(quote.NextBaseFeePerGas + quote.MaxPriorityFeePerGas), Gwei(_deps.Fees.Options.MaxFeePerGasCap), quote.Reason ?? "above the cap");
            return Refused(new ActionNotSent(task, NotSentReason.AboveFeeCap, quote.Reason ?? "the fee quote is above the cap"));
        }

        // The expected cost prices the whole gas limit (the most the call may use, so the check errs on the side of not
        // acting) at what the next block will charge: its base fee plus our tip.
        var cost = gasLimit * (quote.NextBaseFeePerGas + quote.MaxPriorityFeePerGas);
        var profit = m.Reward - cost;
        if (profit < _options.MinProfitWei && !_options.ActWithoutReward)
        {
            return Refused(new ActionNotSent(task, NotSentReason.Unprofitable,
                $"reward {m.Reward} wei minus expected cost {cost} wei ({gasLimit} gas at {Gwei(quote.NextBaseFeePerGas + quote.MaxPriorityFeePerGas)} gwei) is {profit} wei, below the minimum of {_options.MinProfitWei} wei"));
        }

        // What the node checks before it takes the transaction: the whole gas limit at the fee cap. A stale reading only
        // errs one way or the other for a block: refused now and tried again, or sent and answered "insufficient funds".
        var needed = gasLimit * quote.MaxFeePerGas;
        if (_balance is { } balance && balance.CannotPay(needed))
        {
            return (0, null, Unfunded(task, $"signer {_account} holds {balance.Eth} ETH at block {balance.Block}, less than the "
                + $"{Chain.Primitives.Ether.Format(needed)} ETH this action may cost ({gasLimit} gas at {Gwei(quote.MaxFeePerGas)} gwei); send ETH to it"));
        }

        return (gasLimit, quote, null);

        (ulong, FeeQuote?, ActionNotSent?) Refused(ActionNotSent refusal)
        {
            LogNotSent(Log, task, refusal.Reason, refusal.Detail);
            return (0, null, refusal);
        }
    }

    private async Task<ulong> EstimateGasAsync(CallRequest request, ulong nextBlockTime)
    {
        try
        {
            // At the next block's time, like the simulation: an action that becomes valid in that block reverts at "latest".
            return await _deps.Eth.EstimateGasAsync(request, BlockTag.Latest, new BlockOverrides(Time: nextBlockTime), _stopping.Token);
        }
        catch (JsonRpcNodeException e) when (e.Code == -32602)
        {
            // A node that does not take block overrides on eth_estimateGas ("invalid params"): estimate at the head instead.
            return await _deps.Eth.EstimateGasAsync(request, _stopping.Token);
        }
    }

    private void CreateAndSend(string task, ContractCall call, ulong gasLimit, FeeQuote quote, IActorRef requester)
    {
        if (_haltReason is not null)
        {
            requester.Tell(new ActionNotSent(task, NotSentReason.Halted, _haltReason), Self);
            return;
        }

        var nonce = _state.NextNonce;
        var version = Sign(nonce, call.To, call.Data, gasLimit, quote.MaxFeePerGas, quote.MaxPriorityFeePerGas, cancellation: false);
        _journaling = (task, requester);
        Then(new TransactionCreated(task, nonce, version), () => SendCreatedAsync(task, nonce, version, gasLimit, requester));
    }

    private async Task SendCreatedAsync(string task, ulong nonce, TransactionVersion version, ulong gasLimit, IActorRef requester)
    {
        var self = Self;
        var tracking = TrackingFor(nonce);
        tracking.Recipients.Add(requester);
        tracking.SentAtHead = _head;
        LogCreated(Log, task, nonce, version.Hash, Gwei(version.MaxFeePerGas), Gwei(version.MaxPriorityFeePerGas), gasLimit);
        Fault(AfterJournalCreated);

        var result = await SendAsync(version);
        if (result.InNodeHands)
        {
            Fault(AfterSend);
            Then(new TransactionSent(nonce, version.Hash, Context.System.Scheduler.Now), () =>
            {
                LogSent(Log, task, nonce, version.Hash, Gwei(version.MaxFeePerGas), result.Kind);
                requester.Tell(new ActionSent(task, version.Hash, nonce), Self);
                return Task.CompletedTask;
            });
            return;
        }

        if (result.Kind == SendResultKind.Rejected)
        {
            await TryReleaseAsync(_state.Entries[nonce], result.Message!, released =>
            {
                if (released && NodeErrors.MeansInsufficientFunds(result.Message))
                {
                    _tracking.Remove(nonce);
                    requester.Tell(Unfunded(task, $"the node answered that signer {_account} cannot pay for it ({result.Message}); send ETH to it"), self);
                }
                else if (released)
                {
                    _tracking.Remove(nonce);
                    LogRejected(Log, task, nonce, version.Hash, result.Message!);
                    requester.Tell(new ActionNotSent(task, NotSentReason.Rejected, $"the node rejected the transaction: {result.Message}"), self);
                }
                else
                {
                    Uncertain(task, nonce, version, result, requester);
                }

                return Task.CompletedTask;
            });
            return;
        }

        Uncertain(task, nonce, version, result, requester);
    }

    // Unsure whether any node holds it: it stays journaled under its nonce and is re-broadcast on the next heads until it
    // is mined or certainly dropped, so for the requester it is in flight.
    private void Uncertain(string task, ulong nonce, TransactionVersion version, SendResult result, IActorRef requester)
    {
        LogSendUncertain(Log, task, nonce, version.Hash, result.Message ?? result.Kind.ToString());
        requester.Tell(new ActionSent(task, version.Hash, nonce), Self);
    }

    // However many duties fall due in a block, an unfunded signer is one line per block, not a few per duty.
    private ActionNotSent Unfunded(string task, string detail)
    {
        if (_fundsLoggedAtHead != _head)
        {
            _fundsLoggedAtHead = _head;
            LogInsufficientFunds(Log, _head, detail);
        }

        return new ActionNotSent(task, NotSentReason.InsufficientFunds, detail);
    }

    private CallRequest Request(ContractCall call) => new(call.To, call.Data, From: _account);

    private static bool IsRevert(JsonRpcNodeException e) =>
        e.RevertData is not null || e.Code == 3 || e.NodeMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonRpcNodeException e) =>
        e.RevertData is { } data ? RevertDecoder.Decode(data).ToString() : e.NodeMessage;

    private static decimal Gwei(BigInteger wei) => (decimal)wei / 1_000_000_000m;
}
