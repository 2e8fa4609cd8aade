using Keeper.Chain.Beacon;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Proving;

namespace Keeper.Actors.Tracking;

/// <summary>What the keeper knows of one megapool validator.</summary>
/// <param name="Info">Its on-chain record, as last read.</param>
/// <param name="Pubkey">Its BLS public key (from the manager's index), used to ask the beacon node about it.</param>
/// <param name="Beacon">Its beacon-chain record as last read (once per epoch); null while the beacon node has not reported it.</param>
/// <param name="FinalWithdrawal">Where its final withdrawal was paid, once found; null before.</param>
/// <param name="ExitSeenAtSlot">
/// The beacon head slot of the read that first showed <see cref="Beacon"/>'s withdrawable epoch (0: unknown, or none yet):
/// a proof of that slot or later shows the exit, so an own exit report is never proven from an older state.
/// </param>
public sealed record ValidatorTrack(ValidatorInfo Info, byte[]? Pubkey, BeaconValidator? Beacon = null, WithdrawalLocation? FinalWithdrawal = null, ulong ExitSeenAtSlot = 0)
{
    /// <summary>The beacon chain's withdrawable epoch once an exit is under way; null while none is (or nothing is known).</summary>
    public ulong? WithdrawableEpoch => Beacon?.WithdrawableEpoch;
}
