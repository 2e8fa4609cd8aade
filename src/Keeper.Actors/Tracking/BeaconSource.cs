using Keeper.Chain.Beacon;
using Keeper.Chain.Proving;

namespace Keeper.Actors.Tracking;

/// <summary>The beacon chain's timing, and the node to read validators' beacon records with.</summary>
/// <param name="Client">The beacon API client, or null to take beacon news only from <see cref="RouteBeaconFacts"/> messages.</param>
/// <param name="Time">Its chain's genesis and slot timing.</param>
/// <param name="CheckInterval">How often to ask about the candidates (an epoch, 6.4 minutes, on mainnet).</param>
/// <param name="Proofs">Finds exited validators' final withdrawals; null: final balances are not tracked.</param>
public sealed record BeaconSource(IBeaconClient? Client, BeaconTime Time, TimeSpan CheckInterval, IProofCallBuilder? Proofs = null);
