using System.Numerics;

namespace Keeper.Chain.Crypto;

/// <summary>
/// A secp256k1 ECDSA signature as Ethereum uses it: <see cref="R"/> and <see cref="S"/> as 32-byte big-endian values
/// and the recovery id (0 or 1) that selects which of the two candidate public keys signed.
/// Equality compares the bytes.
/// </summary>
/// <param name="R">The r component, 32 bytes big-endian; copied.</param>
/// <param name="S">The s component, 32 bytes big-endian; copied.</param>
/// <param name="RecoveryId">The recovery id, 0 or 1.</param>
/// <exception cref="ArgumentException"><paramref name="R"/> or <paramref name="S"/> is not 32 bytes long.</exception>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="RecoveryId"/> is not 0 or 1.</exception>
public readonly record struct EcdsaSignature(byte[] R, byte[] S, byte RecoveryId)
{
    /// <summary>The length of <see cref="R"/> and <see cref="S"/> in bytes.</summary>
    public const int ComponentSize = 32;

    /// <summary>The r component, 32 bytes big-endian.</summary>
    public byte[] R { get; } = CheckComponent(R, nameof(R));

    /// <summary>The s component, 32 bytes big-endian.</summary>
    public byte[] S { get; } = CheckComponent(S, nameof(S));

    /// <summary>The recovery id: 0 or 1, the parity of the y coordinate of the nonce point.</summary>
    public byte RecoveryId { get; } = CheckRecoveryId(RecoveryId, nameof(RecoveryId));

    /// <summary>The r component as a non-negative integer.</summary>
    public BigInteger RValue => new(R, isUnsigned: true, isBigEndian: true);

    /// <summary>The s component as a non-negative integer.</summary>
    public BigInteger SValue => new(S, isUnsigned: true, isBigEndian: true);

    /// <summary>Creates a signature from integer components, as carried in a transaction.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A component is negative or does not fit in 32 bytes, or the recovery id is not 0 or 1.</exception>
    public static EcdsaSignature FromComponents(BigInteger r, BigInteger s, byte recoveryId) =>
        new(ToComponent(r, nameof(r)), ToComponent(s, nameof(s)), recoveryId);

    /// <summary>The 65-byte form <c>r ++ s ++ recoveryId</c>.</summary>
    public byte[] ToBytes()
    {
        var result = new byte[(2 * ComponentSize) + 1];
        R.CopyTo(result, 0);
        S.CopyTo(result, ComponentSize);
        result[^1] = RecoveryId;
        return result;
    }

    /// <inheritdoc />
    public bool Equals(EcdsaSignature other) =>
        RecoveryId == other.RecoveryId && R.AsSpan().SequenceEqual(other.R) && S.AsSpan().SequenceEqual(other.S);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(R);
        hash.AddBytes(S);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    /// <summary>The signature as hex components; signatures are public, so nothing is hidden.</summary>
    public override string ToString() =>
        $"EcdsaSignature(r=0x{Convert.ToHexStringLower(R ?? [])}, s=0x{Convert.ToHexStringLower(S ?? [])}, recoveryId={RecoveryId})";

    private static byte[] CheckComponent(byte[] value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != ComponentSize)
        {
            throw new ArgumentException($"A signature component is {ComponentSize} bytes big-endian; got {value.Length}. Left-pad shorter values with zeros.", name);
        }

        return value.ToArray();
    }

    private static byte CheckRecoveryId(byte recoveryId, string name) => recoveryId <= 1
        ? recoveryId
        : throw new ArgumentOutOfRangeException(name, recoveryId, "The recovery id must be 0 or 1 (Ethereum's y parity); for a legacy v, subtract 27 or (chainId * 2 + 35) first.");

    private static byte[] ToComponent(BigInteger value, string name)
    {
        if (value.Sign < 0 || value.GetByteCount(isUnsigned: true) > ComponentSize)
        {
            throw new ArgumentOutOfRangeException(name, value, $"A signature component must be a non-negative integer of at most {ComponentSize} bytes.");
        }

        var result = new byte[ComponentSize];
        if (!value.IsZero)
        {
            var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            bytes.CopyTo(result, ComponentSize - bytes.Length);
        }

        return result;
    }
}
