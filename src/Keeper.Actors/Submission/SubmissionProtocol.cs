using System.Numerics;
using Akka.Actor;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <summary>
/// The gate asks the submitter to act: simulate <see cref="Call"/> as it would run in the next block, and if it would
/// succeed, is allowed, fits the fee cap and pays for itself (or the operator opted in), journal and send it.
/// The submitter answers the sender with an <see cref="ActionOutcome"/> and later ones as the transaction progresses.
/// </summary>
/// <param name="TaskKey">The task's canonical key; at most one live transaction per key.</param>
/// <param name="Call">The contract call.</param>
/// <param name="NextBlockTime">The next block's expected timestamp: the simulation runs at this time.</param>
/// <param name="Reward">What the contract pays the caller, in wei (zero on the live network).</param>
public sealed record SubmitAction(string TaskKey, ContractCall Call, ulong NextBlockTime, BigInteger Reward);

/// <summary>
/// The gate no longer wants the action (cancelled, or done by someone else). A transaction of ours still pending for it is
/// replaced by a zero-value self-transfer with the same nonce, so it cannot land late or revert.
/// </summary>
/// <param name="TaskKey">The task.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record AbandonAction(string TaskKey, string Reason);

/// <summary>A new head: the submitter checks receipts, confirmations and reorgs, and bumps fees of transactions that wait too long.</summary>
/// <param name="Number">The head's number.</param>
/// <param name="Timestamp">The head's timestamp.</param>
public sealed record SubmitterHead(ulong Number, ulong Timestamp);

/// <summary>Asks the submitter for its transactions; it replies <see cref="SubmitterStatus"/>.</summary>
public sealed record GetSubmitterStatus
{
    /// <summary>The one instance.</summary>
    public static GetSubmitterStatus Instance { get; } = new();
}

/// <summary>What a submitter holds.</summary>
/// <param name="Account">Its signing account.</param>
/// <param name="NextNonce">The next nonce it will use.</param>
/// <param name="Transactions">Its transactions, newest last.</param>
public sealed record SubmitterStatus(Address Account, ulong NextNonce, IReadOnlyList<TransactionRecord> Transactions);

/// <summary>The state of one of our transactions.</summary>
public enum TransactionState
{
    /// <summary>Journaled, not yet accepted by a node.</summary>
    Created,

    /// <summary>Accepted by a node, not yet mined.</summary>
    Pending,

    /// <summary>Mined with status 1 and confirmed.</summary>
    Succeeded,

    /// <summary>Mined with status 0 (reverted) and confirmed.</summary>
    Reverted,

    /// <summary>Replaced by a zero-value self-transfer with the same nonce (the action was no longer wanted).</summary>
    Cancelled,

    /// <summary>
    /// Will never be mined: the node certainly rejected it (its nonce was released for reuse), or another transaction of
    /// this account took its nonce. (Added by the submitter.)
    /// </summary>
    Dropped,
}

/// <summary>One transaction as the submitter tracks it (the latest of its fee bumps).</summary>
/// <param name="TaskKey">The task, or null for a bare self-transfer.</param>
/// <param name="Nonce">Its nonce.</param>
/// <param name="Hash">The hash of the version last sent.</param>
/// <param name="State">Where it is.</param>
/// <param name="MaxFeePerGas">Its fee cap.</param>
/// <param name="MaxPriorityFeePerGas">Its tip.</param>
/// <param name="Block">The block that included it, once mined.</param>
/// <param name="GasUsed">The gas it used, once mined.</param>
/// <param name="Replacements">How many times its fees were bumped.</param>
public sealed record TransactionRecord(
    string? TaskKey,
    ulong Nonce,
    Hash32 Hash,
    TransactionState State,
    BigInteger MaxFeePerGas,
    BigInteger MaxPriorityFeePerGas,
    ulong? Block,
    ulong? GasUsed,
    int Replacements)
{
    /// <summary>The price per gas it paid (the receipt's effective gas price), in wei, once mined.</summary>
    public BigInteger? EffectiveGasPrice { get; init; }

    /// <summary>What it cost (gas used times the effective gas price), in wei, once mined.</summary>
    public BigInteger? Fee { get; init; }

    /// <summary>When a node first accepted it; null when the journal does not say (written before the time was recorded).</summary>
    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>What became of a <see cref="SubmitAction"/>; sent to the requester, possibly several times as it progresses.</summary>
/// <param name="TaskKey">The task.</param>
public abstract record ActionOutcome(string TaskKey);

/// <summary>Nothing was sent: the reason says why (not valid in the next block, not allowed, above the fee cap, unprofitable).</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">A readable explanation (the decoded revert reason, the fee figures).</param>
public sealed record ActionNotSent(string TaskKey, NotSentReason Reason, string Detail) : ActionOutcome(TaskKey);

/// <summary>Why an action was not sent.</summary>
public enum NotSentReason
{
    /// <summary>The simulation at the next block's time reverted (already done, or not yet valid).</summary>
    WouldRevert,

    /// <summary>The (contract, selector) pair is not on the allow-list.</summary>
    NotAllowed,

    /// <summary>The next block's base fee plus the tip exceeds the configured cap.</summary>
    AboveFeeCap,

    /// <summary>Reward minus the expected gas cost is below the configured minimum, and acting without reward is off.</summary>
    Unprofitable,

    /// <summary>A transaction for the task is already pending.</summary>
    AlreadyPending,

    /// <summary>
    /// The node or the journal could not be reached before anything was signed or sent; nothing is pending, try again
    /// later. (Added by the submitter.)
    /// </summary>
    Unavailable,

    /// <summary>
    /// The node rejected the signed transaction (for example insufficient funds) and certainly does not hold it; the
    /// nonce was released. (Added by the submitter.)
    /// </summary>
    Rejected,

    /// <summary>
    /// The signing account cannot pay for the transaction (its gas limit times its fee cap): by the last balance read, or
    /// because the node answered "insufficient funds" and certainly holds nothing at the nonce (it was released). Nothing
    /// is pending; fund the account. (Added by the submitter.)
    /// </summary>
    InsufficientFunds,

    /// <summary>
    /// The submitter stopped submitting because another process writes the same account's journal (two keepers with
    /// one key); fix the deployment and restart. (Added by the submitter.)
    /// </summary>
    Halted,
}

/// <summary>The transaction was journaled and accepted by the node.</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="Hash">Its hash.</param>
/// <param name="Nonce">Its nonce.</param>
public sealed record ActionSent(string TaskKey, Hash32 Hash, ulong Nonce) : ActionOutcome(TaskKey);

/// <summary>The transaction was mined and has the configured confirmations.</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="Hash">The hash that was mined.</param>
/// <param name="Block">The block that included it.</param>
/// <param name="Succeeded">False when it reverted.</param>
/// <param name="GasUsed">The gas it used.</param>
/// <param name="Fee">What it cost, in wei.</param>
/// <param name="ReorgWatchUntil">
/// The last head at which the submitter still checks the transaction for a reorg (<c>Block</c> plus
/// <see cref="SubmitterOptions.ReorgWatchBlocks"/>): until then a reorg that undoes it makes it pending again, and it is
/// re-sent only if its claim is still this member's. The gate fences the task's claim until this block.
/// </param>
public sealed record ActionMined(string TaskKey, Hash32 Hash, ulong Block, bool Succeeded, ulong GasUsed, BigInteger Fee, ulong ReorgWatchUntil)
    : ActionOutcome(TaskKey)
{
    /// <summary>The price per gas it paid, in wei: <see cref="Fee"/> is the receipt's gas used times its effective gas price.</summary>
    public BigInteger EffectiveGasPrice => GasUsed == 0 ? BigInteger.Zero : Fee / GasUsed;
}

/// <summary>The pending transaction was replaced by a self-transfer (after <see cref="AbandonAction"/>), and that was mined.</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="Hash">The self-transfer's hash.</param>
/// <param name="Block">The block that included it.</param>
public sealed record ActionCancelled(string TaskKey, Hash32 Hash, ulong Block) : ActionOutcome(TaskKey)
{
    /// <summary>The gas the self-transfer used (what abandoning the action cost).</summary>
    public ulong GasUsed { get; init; }

    /// <summary>What the self-transfer cost, in wei.</summary>
    public BigInteger Fee { get; init; }

    /// <summary>The price per gas it paid, in wei.</summary>
    public BigInteger EffectiveGasPrice => GasUsed == 0 ? BigInteger.Zero : Fee / GasUsed;
}

/// <summary>
/// A transaction reported with <see cref="ActionSent"/> will never be mined: another transaction of this account took its
/// nonce, or the node certainly rejected it. Nothing of ours for the task is in flight any more. (Added by the submitter.)
/// </summary>
/// <param name="TaskKey">The task.</param>
/// <param name="Nonce">The nonce it had.</param>
/// <param name="Reason">Why.</param>
public sealed record ActionDropped(string TaskKey, ulong Nonce, string Reason) : ActionOutcome(TaskKey);

/// <summary>
/// Subscribes <paramref name="Subscriber"/> to every <see cref="ActionOutcome"/> the submitter reports from now on
/// (the gate subscribes once, so that after a restart it still learns what became of the transactions the previous
/// process sent). The submitter replies <see cref="ResumedActions"/> and then delivers any outcome that found no
/// recipient (for example a transaction resumed from the journal that was mined before anyone asked). A subscriber that
/// stops is removed. (Added by the submitter.)
/// </summary>
/// <param name="Subscriber">Who receives the outcomes.</param>
public sealed record SubscribeOutcomes(IActorRef Subscriber);

/// <summary>The reply to <see cref="SubscribeOutcomes"/>: the transactions in flight, for example those resumed after a restart.</summary>
/// <param name="Account">The submitter's signing account.</param>
/// <param name="InFlight">Transactions not yet finished, by nonce.</param>
public sealed record ResumedActions(Address Account, IReadOnlyList<TransactionRecord> InFlight);
