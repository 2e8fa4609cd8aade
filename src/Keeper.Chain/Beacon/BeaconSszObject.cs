using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Beacon;

/// <summary>
/// An SSZ-encoded beacon state or signed block as a Beacon API node served it, with the fork its layout belongs to
/// (from the answer's <c>Eth-Consensus-Version</c> header).
/// </summary>
/// <param name="Fork">The fork whose types decode <paramref name="Bytes"/>.</param>
/// <param name="Bytes">The serialized object, exactly as long as the body was.</param>
public sealed record BeaconSszObject(BeaconFork Fork, byte[] Bytes);
