using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;

namespace Keeper.Testing.Beacon;

/// <summary>
/// A validator held by the <see cref="FakeBeaconNode"/>, with its epochs as the chain stores them:
/// <see cref="BeaconTime.FarFutureEpoch"/> for "not set".
/// </summary>
/// <param name="Pubkey">The BLS public key.</param>
/// <param name="Index">The registry index.</param>
/// <param name="Status">The status name as the API writes it, such as <c>active_ongoing</c>.</param>
/// <param name="ExitEpoch">The exit epoch, or <see cref="BeaconTime.FarFutureEpoch"/>.</param>
/// <param name="WithdrawableEpoch">The withdrawable epoch, or <see cref="BeaconTime.FarFutureEpoch"/>.</param>
public sealed record FakeValidator(ValidatorPubkey Pubkey, ulong Index, string Status, ulong ExitEpoch, ulong WithdrawableEpoch)
{
    /// <summary>32 ETH in gwei.</summary>
    public const ulong ThirtyTwoEth = 32_000_000_000;

    /// <summary>The balance in gwei.</summary>
    public ulong Balance { get; init; } = ThirtyTwoEth;

    /// <summary>The effective balance in gwei.</summary>
    public ulong EffectiveBalance { get; init; } = ThirtyTwoEth;

    /// <summary>Whether it was slashed.</summary>
    public bool Slashed { get; init; }

    /// <summary>The withdrawal credentials (0x01 credentials to the zero address by default).</summary>
    public Hash32 WithdrawalCredentials { get; init; } = Hash32.Parse("0x0100000000000000000000000000000000000000000000000000000000000000");

    /// <summary>The activation eligibility epoch.</summary>
    public ulong ActivationEligibilityEpoch { get; init; }

    /// <summary>The activation epoch.</summary>
    public ulong ActivationEpoch { get; init; }
}
