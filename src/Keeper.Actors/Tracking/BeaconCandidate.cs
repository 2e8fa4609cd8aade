namespace Keeper.Actors.Tracking;

/// <summary>A megapool validator that can have a proof duty, so the beacon chain is asked about it once per epoch.</summary>
/// <param name="ValidatorId">The megapool-local id.</param>
/// <param name="Pubkey">Its BLS public key.</param>
/// <param name="AwaitsFinalWithdrawal">Reported exiting on chain, not exited, and no final withdrawal found yet: look for it once it is withdrawable.</param>
public sealed record BeaconCandidate(uint ValidatorId, byte[] Pubkey, bool AwaitsFinalWithdrawal);
