using Keeper.Actors.Tracking;

namespace Keeper.Actors.Scheduling;

/// <summary>What the deadline book tells its subscribers.</summary>
public abstract record DutyNotice;

/// <summary>The duty is valid in the next block (its due time is at or before the next block's timestamp).</summary>
/// <param name="Duty">The duty.</param>
/// <param name="NextBlockTime">The chain time it fell due at: the next block's expected timestamp.</param>
public sealed record DutyDue(Duty Duty, ulong NextBlockTime) : DutyNotice;

/// <summary>A duty published as due is no longer due: the state changed (staked, done, reorged) or chain time went back.</summary>
/// <param name="Key">The task key.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record DutyCancelled(string Key, string Reason) : DutyNotice;

/// <summary>
/// Sent to subscribers on every head, after the duties it made due: the gate re-evaluates its windows (failover) and the
/// submitter checks its transactions.
/// </summary>
/// <param name="Head">The new head.</param>
/// <param name="NextBlockTime">The next block's expected timestamp.</param>
public sealed record ChainTimeAdvanced(Keeper.Chain.Watching.BlockRef Head, ulong NextBlockTime) : DutyNotice;
