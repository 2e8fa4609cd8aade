using System.Collections.Immutable;
using Keeper.Chain.Beacon;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;

namespace Keeper.Actors.Tracking;

/// <summary>
/// The immutable state of one megapool's tracker: its validators as last read. Pure transitions; the duties are derived
/// from the state and the settings, so the actor only diffs them.
/// </summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="Validators">Its validators by megapool-local id.</param>
/// <param name="AsOfBlock">The block of the newest read applied.</param>
public sealed record MegapoolTrackingState(Address Megapool, ImmutableSortedDictionary<uint, ValidatorTrack> Validators, ulong AsOfBlock)
{
    /// <summary>A megapool with no validators known yet.</summary>
    public static MegapoolTrackingState Empty(Address megapool) => new(megapool, ImmutableSortedDictionary<uint, ValidatorTrack>.Empty, 0);

    /// <summary>
    /// Applies a read of one validator. Reads arrive in chain order from one watcher, and after a reorg a read may be of a
    /// lower block than the last: the newest read always wins.
    /// </summary>
    public MegapoolTrackingState WithRead(uint validatorId, ValidatorInfo info, byte[]? pubkey, ulong block)
    {
        Validators.TryGetValue(validatorId, out var existing);
        var track = existing is null
            ? new ValidatorTrack(info, pubkey)
            : existing with { Info = info, Pubkey = pubkey ?? existing.Pubkey };
        return this with { Validators = Validators.SetItem(validatorId, track), AsOfBlock = block };
    }

    /// <summary>Drops a validator that only existed on a branch a reorg removed.</summary>
    public MegapoolTrackingState Without(uint validatorId) => this with { Validators = Validators.Remove(validatorId) };

    /// <summary>
    /// Records the beacon chain's record of a validator (null: the beacon node does not know it), read at head slot
    /// <paramref name="seenAtSlot"/> or later; the slot is kept while the withdrawable epoch stays the same.
    /// </summary>
    public MegapoolTrackingState WithBeacon(uint validatorId, BeaconValidator? beacon, ulong seenAtSlot = 0)
    {
        if (!Validators.TryGetValue(validatorId, out var track) || track.Beacon == beacon)
        {
            return this;
        }

        var seen = track.Beacon?.WithdrawableEpoch == beacon?.WithdrawableEpoch ? track.ExitSeenAtSlot : beacon?.WithdrawableEpoch is null ? 0 : seenAtSlot;
        return this with { Validators = Validators.SetItem(validatorId, track with { Beacon = beacon, ExitSeenAtSlot = seen }) };
    }

    /// <summary>Records where a validator's final withdrawal was paid.</summary>
    public MegapoolTrackingState WithFinalWithdrawal(uint validatorId, WithdrawalLocation? withdrawal) =>
        Validators.TryGetValue(validatorId, out var track) && track.FinalWithdrawal != withdrawal
            ? this with { Validators = Validators.SetItem(validatorId, track with { FinalWithdrawal = withdrawal }) }
            : this;

    /// <summary>
    /// The validators the beacon chain should be asked about, those that can have a proof duty: prestaked (a
    /// non-compliant record), staked or dissolved and not reported exiting (an exit), exiting and not exited (the final
    /// withdrawal).
    /// </summary>
    public IEnumerable<BeaconCandidate> BeaconCandidates() =>
        Validators.Where(v => v.Value.Pubkey is not null && IsBeaconCandidate(v.Value.Info))
            .Select(v => new BeaconCandidate(v.Key, v.Value.Pubkey!, v.Value.Info is { Exiting: true, Exited: false } && v.Value.FinalWithdrawal is null));

    /// <summary>
    /// Every duty the state implies under <paramref name="settings"/>; <paramref name="own"/>: the megapool is the signing
    /// operator's (keeper.own), so its exits are reported as soon as the beacon chain shows them.
    /// </summary>
    public IEnumerable<Duty> Duties(TrackingSettings settings, bool own = false)
    {
        foreach (var (id, track) in Validators)
        {
            if (DissolveDuty(Megapool, id, track.Info, settings) is { } dissolve)
            {
                yield return dissolve;
            }

            if ((own ? OwnNotifyExitDuty(Megapool, id, track, settings) : NotifyExitDuty(Megapool, id, track, settings)) is { } notify)
            {
                yield return notify;
            }

            if (DissolveProofDuty(Megapool, id, track) is { } proof)
            {
                yield return proof;
            }

            if (FinalBalanceDuty(Megapool, id, track, settings) is { } final)
            {
                yield return final;
            }
        }
    }

    /// <summary>
    /// A prestaked validator may be dissolved once <c>block.timestamp &gt; lastAssignmentTime + timeBeforeDissolve</c>
    /// (strict), so the first valid block timestamp is one second later.
    /// </summary>
    public static Duty? DissolveDuty(Address megapool, uint validatorId, ValidatorInfo info, TrackingSettings settings) =>
        info is { InPrestake: true, Dissolved: false, Staked: false }
            ? new Duty(TaskKeys.DissolveMegapoolValidator(megapool, validatorId), DutyKind.DissolveMegapoolValidator, megapool, validatorId,
                (ulong)info.LastAssignmentTime + settings.TimeBeforeDissolve + 1, Reward: settings.DissolveCallerReward)
            : null;

    /// <summary>
    /// A staked or dissolved validator whose exit the beacon chain shows, not yet reported exiting on chain, should be
    /// reported by its operator before the start of epoch <c>withdrawableEpoch - notifyThreshold</c> (the deadline). Anyone
    /// else reports it once it is late, <c>recentEpoch &gt; withdrawableEpoch - notifyThreshold</c>: due at the start of
    /// the epoch after the deadline's.
    /// </summary>
    public static Duty? NotifyExitDuty(Address megapool, uint validatorId, ValidatorTrack track, TrackingSettings settings)
    {
        if (track is not { Beacon: { WithdrawableEpoch: { } withdrawable } record, Info: { Exiting: false, Exited: false } info }
            || !(info.Staked || info.Dissolved) || settings.BeaconTime is not { } beacon)
        {
            return null;
        }

        var closingEpoch = withdrawable > settings.NotifyThresholdEpochs ? withdrawable - settings.NotifyThresholdEpochs : 0;
        return beacon.EpochStartTime(closingEpoch + 1) is { } lateFrom
            ? new Duty(TaskKeys.NotifyExit(megapool, validatorId), DutyKind.NotifyExit, megapool, validatorId, lateFrom, beacon.EpochStartTime(closingEpoch),
                Proof: new ProofCallRequest(ProofCallKind.NotifyExit, megapool, validatorId, record.Index, NotBeforeSlot: (closingEpoch + 1) * beacon.SlotsPerEpoch))
            : null;
    }

    /// <summary>
    /// The operator's own exit report: due at once (the gate acts out of turn on an own duty), proven from a slot no older than
    /// the read that first showed the exit, so the proof shows it, and with no lateness requirement: reported before
    /// <c>withdrawableEpoch - notifyThreshold</c> it is on time and costs no fine. Same task key as the late report other
    /// members derive, so the claim store lets one member only send either.
    /// </summary>
    public static Duty? OwnNotifyExitDuty(Address megapool, uint validatorId, ValidatorTrack track, TrackingSettings settings) =>
        NotifyExitDuty(megapool, validatorId, track, settings) is { } late
            ? late with
            {
                DueAt = 0,
                Reward = settings.LateNotifyFine,
                Proof = late.Proof! with { NotBeforeSlot = track.ExitSeenAtSlot },
                Own = true,
            }
            : null;

    /// <summary>
    /// The deadlines the operator of this megapool must meet (keeper.own warns before them): stake each prestaked validator
    /// before <c>lastAssignmentTime + timeBeforeDissolve</c> (dissolvable by anyone strictly after), and report each exit
    /// before the start of epoch <c>withdrawableEpoch - notifyThreshold</c> (later, the report is late and fined).
    /// </summary>
    public IEnumerable<OwnDeadline> OwnDeadlines(TrackingSettings settings)
    {
        foreach (var (id, track) in Validators)
        {
            if (DissolveDuty(Megapool, id, track.Info, settings) is { } dissolve)
            {
                yield return new OwnDeadline(dissolve.Key, OwnDeadlineKind.Stake, Megapool, id, dissolve.DueAt - 1);
            }

            if (NotifyExitDuty(Megapool, id, track, settings) is { Deadline: { } deadline } notify)
            {
                yield return new OwnDeadline(notify.Key, OwnDeadlineKind.NotifyExit, Megapool, id, deadline);
            }
        }
    }

    /// <summary>A prestaked validator whose beacon record breaks a rule (<see cref="BeaconCompliance"/>) may be dissolved with a proof at once.</summary>
    public static Duty? DissolveProofDuty(Address megapool, uint validatorId, ValidatorTrack track) =>
        track is { Info: { InPrestake: true, Dissolved: false, Staked: false }, Beacon: { } beacon } && BeaconCompliance.IsNonCompliant(beacon, megapool)
            ? new Duty(TaskKeys.DissolveProof(megapool, validatorId), DutyKind.DissolveProof, megapool, validatorId, DueAt: 0,
                Proof: new ProofCallRequest(ProofCallKind.Dissolve, megapool, validatorId, beacon.Index))
            : null;

    /// <summary>
    /// An exiting validator whose final withdrawal was found may have its final balance proven by anyone once
    /// <c>recentEpoch &gt;= withdrawalEpoch + userDistributeDelay</c>: due at the start of that epoch. A final balance
    /// that leaves the users' capital short takes <c>userDistributeDelayWithShortfall</c> instead (see <see cref="MayFallShort"/>).
    /// </summary>
    public static Duty? FinalBalanceDuty(Address megapool, uint validatorId, ValidatorTrack track, TrackingSettings settings)
    {
        if (track is not { Info: { Exiting: true, Exited: false }, Beacon: { } record, FinalWithdrawal: { } withdrawal } || settings.BeaconTime is not { } beacon)
        {
            return null;
        }

        var delay = MayFallShort(track.Info, withdrawal) ? Math.Max(settings.UserDistributeDelayEpochs, settings.UserDistributeDelayWithShortfallEpochs) : settings.UserDistributeDelayEpochs;
        var allowedEpoch = (withdrawal.Slot / beacon.SlotsPerEpoch) + delay;
        return beacon.EpochStartTime(allowedEpoch) is { } dueAt
            ? new Duty(TaskKeys.FinalBalance(megapool, validatorId), DutyKind.FinalBalance, megapool, validatorId, dueAt,
                Proof: new ProofCallRequest(ProofCallKind.FinalBalance, megapool, validatorId, record.Index, withdrawal, allowedEpoch * beacon.SlotsPerEpoch))
            : null;
    }

    /// <summary>
    /// Whether the final balance may leave the users' capital short. The megapool decides with the operator's bond across
    /// all its validators (the shortfall is the part of the deposit not withdrawn, beyond what the node's share covers),
    /// which a validator's record does not show. A withdrawal of at least the deposit can never fall short; anything less
    /// might, so Keeper waits for the longer delay then: later than the contract may allow, never a call that reverts.
    /// A dissolved validator's balance is returned whole and never falls short.
    /// </summary>
    public static bool MayFallShort(ValidatorInfo info, WithdrawalLocation withdrawal)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(withdrawal);
        const ulong GweiPerMilliEther = 1_000_000;
        return !info.Dissolved && withdrawal.AmountGwei < (ulong)info.DepositValue * GweiPerMilliEther;
    }

    private static bool IsBeaconCandidate(ValidatorInfo info) =>
        !info.Exited && (info is { InPrestake: true, Dissolved: false } || info.Exiting || info.Staked || info.Dissolved);
}
