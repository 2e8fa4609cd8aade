using Keeper.Chain.Contracts.RocketPool;

namespace Keeper.Actors.Tracking;

/// <summary>What the keeper knows of one megapool validator.</summary>
/// <param name="Info">Its on-chain record, as last read.</param>
/// <param name="Pubkey">Its BLS public key (from the manager's index), used to ask the beacon node about it.</param>
/// <param name="WithdrawableEpoch">The beacon chain's withdrawable epoch once an exit is under way; null while none is.</param>
public sealed record ValidatorTrack(ValidatorInfo Info, byte[]? Pubkey, ulong? WithdrawableEpoch = null);
