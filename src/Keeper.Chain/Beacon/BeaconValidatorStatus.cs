namespace Keeper.Chain.Beacon;

/// <summary>
/// A validator's status as the beacon API reports it. Newer nodes send <c>pending_minBalance</c> and
/// <c>pending_lookahead</c> for what older ones call <c>pending_initialized</c> and <c>pending_queued</c>; both spellings
/// map to the same member. The epochs of <see cref="BeaconValidator"/> are authoritative; the status is a summary.
/// </summary>
public enum BeaconValidatorStatus
{
    /// <summary>A status name this client does not know (a newer API version); see <see cref="BeaconValidator.StatusName"/>.</summary>
    Unknown,

    /// <summary><c>pending_initialized</c> (or <c>pending_minBalance</c>): not yet eligible for activation.</summary>
    PendingInitialized,

    /// <summary><c>pending_queued</c> (or <c>pending_lookahead</c>): eligible, activation epoch in the future.</summary>
    PendingQueued,

    /// <summary><c>active_ongoing</c>: active, no exit initiated.</summary>
    ActiveOngoing,

    /// <summary><c>active_exiting</c>: active, exit initiated.</summary>
    ActiveExiting,

    /// <summary><c>active_slashed</c>: active, slashed and scheduled to exit.</summary>
    ActiveSlashed,

    /// <summary><c>exited_unslashed</c>: exited, not yet withdrawable.</summary>
    ExitedUnslashed,

    /// <summary><c>exited_slashed</c>: exited after a slashing, not yet withdrawable.</summary>
    ExitedSlashed,

    /// <summary><c>withdrawal_possible</c>: withdrawable epoch reached, balance not yet swept.</summary>
    WithdrawalPossible,

    /// <summary><c>withdrawal_done</c>: balance withdrawn.</summary>
    WithdrawalDone,
}
