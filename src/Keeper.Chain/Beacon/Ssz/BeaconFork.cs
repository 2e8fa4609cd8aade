namespace Keeper.Chain.Beacon.Ssz;

/// <summary>The consensus forks whose layouts Keeper proves against (Rocket Pool's verifier accepts Electra and later).</summary>
public enum BeaconFork
{
    /// <summary>Electra (Pectra): BeaconState of 37 fields.</summary>
    Electra,

    /// <summary>Fulu (Fusaka): Electra's layout plus the state's <c>proposer_lookahead</c>.</summary>
    Fulu,
}
