using System.Collections.Immutable;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

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

    /// <summary>Records what the beacon chain says of a validator's exit (null: no exit under way).</summary>
    public MegapoolTrackingState WithWithdrawableEpoch(uint validatorId, ulong? withdrawableEpoch) =>
        Validators.TryGetValue(validatorId, out var track) && track.WithdrawableEpoch != withdrawableEpoch
            ? this with { Validators = Validators.SetItem(validatorId, track with { WithdrawableEpoch = withdrawableEpoch }) }
            : this;

    /// <summary>The validators whose exit the beacon chain should be asked about: staked, not yet reported exiting or exited.</summary>
    public IEnumerable<(uint ValidatorId, byte[] Pubkey)> ExitCandidates() =>
        Validators.Where(v => v.Value.Pubkey is not null && v.Value.Info is { Staked: true, Exiting: false, Exited: false, Dissolved: false })
            .Select(v => (v.Key, v.Value.Pubkey!));

    /// <summary>Every duty the state implies under <paramref name="settings"/>.</summary>
    public IEnumerable<Duty> Duties(TrackingSettings settings)
    {
        foreach (var (id, track) in Validators)
        {
            if (DissolveDuty(Megapool, id, track.Info, settings) is { } dissolve)
            {
                yield return dissolve;
            }

            if (NotifyExitDuty(Megapool, id, track, settings) is { } notify)
            {
                yield return notify;
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
    /// A staked validator whose exit the beacon chain shows, and that is not yet reported exiting on chain, must be
    /// reported before <c>withdrawableEpoch - notifyThreshold</c>: due at once, with that epoch's start as the deadline.
    /// </summary>
    public static Duty? NotifyExitDuty(Address megapool, uint validatorId, ValidatorTrack track, TrackingSettings settings)
    {
        if (track is not { WithdrawableEpoch: { } withdrawable, Info: { Staked: true, Exiting: false, Exited: false } } || settings.BeaconTime is not { } beacon)
        {
            return null;
        }

        var closingEpoch = withdrawable > settings.NotifyThresholdEpochs ? withdrawable - settings.NotifyThresholdEpochs : 0;
        var deadline = beacon.EpochStartTime(closingEpoch);
        return new Duty(TaskKeys.NotifyExit(megapool, validatorId), DutyKind.NotifyExit, megapool, validatorId, DueAt: 0, deadline);
    }
}
