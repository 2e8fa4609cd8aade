using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>Settings of a <see cref="DevBeaconChain"/>.</summary>
public sealed record DevBeaconChainOptions
{
    /// <summary>
    /// The withdrawal-credentials prefix new validators get: 0x01 (an execution address) or 0x02 (compounding, Electra).
    /// Either is followed by 11 zero bytes and the megapool address. Default 0x01.
    /// </summary>
    public byte CredentialsPrefix { get; init; } = 0x01;

    /// <summary>
    /// How many epochs the finalized block trails the head: the newest block at or before the first slot of epoch
    /// <c>head epoch - FinalityDelayEpochs</c> (2 on a healthy mainnet). Default 2.
    /// </summary>
    public ulong FinalityDelayEpochs { get; init; } = 2;

    /// <summary>
    /// The state's <c>genesis_validators_root</c>, which the slot proof's genesis witness pins: it must be the one the
    /// harness's proof verifier was built with. Null: the root of the empty registry the chain starts with.
    /// </summary>
    public Hash32? GenesisValidatorsRoot { get; init; }

    /// <summary>How many serialized states are kept for repeated requests (each a few megabytes on devnet). Default 4.</summary>
    public int StateCacheSize { get; init; } = 4;
}
