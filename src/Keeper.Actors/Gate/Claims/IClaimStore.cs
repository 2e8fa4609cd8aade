using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate.Claims;

/// <summary>
/// The submission gate's claims in the shared store. The database enforces the gate's invariants for every writer in
/// every process and host: at most one claim per (task, window), and at most one blocking claim per task: pending (from
/// claimed until its transaction is final), or mined successfully and still inside its member's reorg watch
/// (<see cref="Claim.FenceUntil"/>). Times come from the caller's clock; the fence is in blocks. Storage failures
/// surface as <see cref="Persistence.StoreException"/>; a node that gets one must not send (it cannot know whether it
/// holds the claim).
/// </summary>
public interface IClaimStore
{
    /// <summary>
    /// Stores <paramref name="claim"/> (state <see cref="ClaimState.Pending"/>) unless the (task, window) is taken, another
    /// window's claim of the task is pending, or a mined claim of the task is fenced past <paramref name="head"/> (the
    /// caller's latest block number). In the same transaction it first lifts the task's fence if <paramref name="head"/>
    /// has passed it. Of any number of concurrent attempts on one (task, window), exactly one is
    /// <see cref="ClaimOutcome.Claimed"/>.
    /// </summary>
    /// <remarks>
    /// If this throws <see cref="Persistence.StoreException"/> the claim may or may not have been stored (the answer was
    /// lost); a retry then returns <see cref="ClaimOutcome.WindowTaken"/> with the caller's own claim if it was.
    /// </remarks>
    /// <exception cref="ArgumentException">The claim is malformed or not pending.</exception>
    Task<ClaimResult> TryClaimAsync(Claim claim, ulong head, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryClaimAsync"/> for several claims in one transaction (a node claiming all its turns of a block at
    /// once); each claim is decided exactly as alone, by the same constraints. Results are in the order given.
    /// </summary>
    Task<IReadOnlyList<ClaimResult>> TryClaimAllAsync(IReadOnlyList<Claim> claims, ulong head, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the state of <paramref name="memberId"/>'s pending claim on (<paramref name="taskKey"/>,
    /// <paramref name="window"/>), and its transaction hash when <paramref name="txHash"/> is given (null keeps the stored
    /// one), with <see cref="Claim.Updated"/> = <paramref name="now"/>; returns the claim as stored. Pending to pending
    /// records a (replacement) hash. <paramref name="fenceUntil"/> is given only with <see cref="ClaimState.Mined"/> for a
    /// transaction that succeeded: the last block at which this member watches it for a reorg (see
    /// <see cref="Claim.FenceUntil"/>). Repeating an update that already made the claim final returns it unchanged, except
    /// that a mined claim's fence moves to a later block when the same transaction was mined again after a reorg.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fenceUntil"/> given with a state other than mined.</exception>
    /// <exception cref="ClaimUpdateException">No such claim, another member's, or already final otherwise; nothing was written.</exception>
    Task<Claim> UpdateAsync(
        string taskKey, long window, string memberId, ClaimState newState, Hash32? txHash, ulong? fenceUntil, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="UpdateAsync(string, long, string, ClaimState, Hash32?, ulong?, DateTimeOffset, CancellationToken)"/>, and
    /// in the same statement the history's figures: the first hash recorded sets the claim's sent time to
    /// <paramref name="now"/>, and <paramref name="receipt"/> (with a mined transaction, or a mined cancellation) its
    /// block, gas and fee. A repeated update with a receipt (the same transaction mined again after a reorg) replaces the
    /// figures.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fenceUntil"/> given with a state other than mined.</exception>
    /// <exception cref="ClaimUpdateException">No such claim, another member's, or already final otherwise; nothing was written.</exception>
    Task<Claim> UpdateAsync(
        string taskKey, long window, string memberId, ClaimState newState, Hash32? txHash, ulong? fenceUntil, ClaimReceipt? receipt, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>
    /// Marks another member's pending claim <see cref="ClaimState.Abandoned"/> because that member left the cluster (downed or
    /// removed by Akka.Cluster) and the claim's window has ended, so the task can pass to the next holder. Only the exact claim
    /// given is changed, and only while it is still pending.
    /// </summary>
    /// <returns>True if the claim was abandoned now; false if it had already changed.</returns>
    Task<bool> AbandonStaleAsync(Claim stale, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Opens again <paramref name="memberId"/>'s mined claim on (<paramref name="taskKey"/>, <paramref name="window"/>)
    /// because a reorg undid the transaction that was counted final: the claim becomes pending (its fence, if any, is no
    /// longer needed), unless another claim of the task blocks it (the task passed on). Returns true when the claim is
    /// pending and this member's now.
    /// </summary>
    Task<bool> ReopenAsync(string taskKey, long window, string memberId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The claims of <paramref name="taskKey"/>, by window.</summary>
    Task<IReadOnlyList<Claim>> GetAsync(string taskKey, CancellationToken cancellationToken);

    /// <summary>Every pending claim, by task key (ordinal).</summary>
    Task<IReadOnlyList<Claim>> GetPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every member's claims made at or after <paramref name="since"/> and before <paramref name="until"/> (null: no end),
    /// oldest first (by claim time, then task key and window), at most <paramref name="limit"/>: the cluster's history of
    /// actions with their cost.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1, or <paramref name="until"/> is before <paramref name="since"/>.</exception>
    Task<IReadOnlyList<ClaimHistoryEntry>> GetHistoryAsync(DateTimeOffset since, DateTimeOffset? until, int limit, CancellationToken cancellationToken);
}
