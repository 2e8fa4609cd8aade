using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// Rocket Pool's <c>Validator</c> proof struct (BeaconStateVerifierInterface): the beacon chain's Validator container,
/// field for field, as the verifier hashes it into the proven leaf.
/// </summary>
[Struct("Validator")]
public sealed class ValidatorStruct
{
    /// <summary>The BLS public key (48 bytes).</summary>
    [Parameter("bytes", "pubkey", 1)]
    public byte[] Pubkey { get; set; } = [];

    /// <summary>The withdrawal credentials (32 bytes); a megapool's are 0x01, 11 zero bytes, its address.</summary>
    [Parameter("bytes32", "withdrawalCredentials", 2)]
    public byte[] WithdrawalCredentials { get; set; } = new byte[32];

    /// <summary>Effective balance, in gwei.</summary>
    [Parameter("uint64", "effectiveBalance", 3)]
    public ulong EffectiveBalance { get; set; }

    /// <summary>Whether the validator was slashed.</summary>
    [Parameter("bool", "slashed", 4)]
    public bool Slashed { get; set; }

    /// <summary>Epoch at which it became eligible for activation (2^64-1 when not yet).</summary>
    [Parameter("uint64", "activationEligibilityEpoch", 5)]
    public ulong ActivationEligibilityEpoch { get; set; }

    /// <summary>Activation epoch (2^64-1 when not yet).</summary>
    [Parameter("uint64", "activationEpoch", 6)]
    public ulong ActivationEpoch { get; set; }

    /// <summary>Exit epoch (2^64-1 when not exiting).</summary>
    [Parameter("uint64", "exitEpoch", 7)]
    public ulong ExitEpoch { get; set; }

    /// <summary>Withdrawable epoch (2^64-1 when not exiting).</summary>
    [Parameter("uint64", "withdrawableEpoch", 8)]
    public ulong WithdrawableEpoch { get; set; }
}
