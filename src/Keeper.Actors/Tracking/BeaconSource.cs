using Keeper.Chain.Beacon;

namespace Keeper.Actors.Tracking;

/// <summary>The beacon chain's timing, and the node to watch validator exits with.</summary>
/// <param name="Client">The beacon API client, or null to take exit news only from <see cref="RouteBeaconExit"/> messages.</param>
/// <param name="Time">Its chain's genesis and slot timing.</param>
/// <param name="CheckInterval">How often to ask about the exit candidates (an epoch, 6.4 minutes, on mainnet).</param>
public sealed record BeaconSource(IBeaconClient? Client, BeaconTime Time, TimeSpan CheckInterval);
