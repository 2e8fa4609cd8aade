extern alias PortableBouncyCastle;

using Keeper.Chain.Primitives;
using PortableBouncyCastle::Org.BouncyCastle.Asn1.X9;
using PortableBouncyCastle::Org.BouncyCastle.Crypto.EC;
using PortableBouncyCastle::Org.BouncyCastle.Crypto.Parameters;
using PortableBouncyCastle::Org.BouncyCastle.Crypto.Signers;
using PortableBouncyCastle::Org.BouncyCastle.Math.EC;
using BcBigInteger = PortableBouncyCastle::Org.BouncyCastle.Math.BigInteger;

namespace Keeper.Chain.Crypto;

/// <summary>
/// Public-key operations on secp256k1 as Ethereum uses them: public key recovery from a signature, verification,
/// and the address of a public key. Public keys are 64 bytes: x and y, big-endian, without the 0x04 prefix.
/// </summary>
public static class Secp256k1
{
    /// <summary>The length of a message hash in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>The length of an uncompressed public key without its 0x04 prefix.</summary>
    public const int PublicKeySize = 64;

    // CustomNamedCurves has the same secp256k1 domain parameters as SecNamedCurves with a specialised field
    // implementation, several times faster for recovery; the tests pin the two to the same parameters.
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    internal static ECDomainParameters Domain { get; } = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    internal static BcBigInteger N => Curve.N;

    internal static BcBigInteger HalfN { get; } = Curve.N.ShiftRight(1);

    /// <summary>Recovers the signer's 64-byte public key from a 32-byte message hash and a signature.</summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    /// <exception cref="InvalidSignatureException">
    /// r or s is zero or not below the curve order, s is above half the order (EIP-2), or no public key matches.
    /// </exception>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> hash32, EcdsaSignature signature)
    {
        CheckHash(hash32);
        var (r, s) = CheckComponents(signature, requireLowS: true);
        var q = Recover(hash32, r, s, signature.RecoveryId)
            ?? throw new InvalidSignatureException($"No public key matches this signature: r is not the x coordinate of a secp256k1 point with y parity {signature.RecoveryId}.");
        return EncodePublicKey(q);
    }

    /// <summary>Recovers the signer's address from a 32-byte message hash and a signature.</summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    /// <exception cref="InvalidSignatureException">The signature is invalid; see <see cref="RecoverPublicKey"/>.</exception>
    public static Address RecoverAddress(ReadOnlySpan<byte> hash32, EcdsaSignature signature) =>
        ToAddress(RecoverPublicKey(hash32, signature));

    /// <summary>The address of a 64-byte public key: the last 20 bytes of its Keccak-256 hash.</summary>
    /// <exception cref="ArgumentException">The public key is not 64 bytes long.</exception>
    public static Address ToAddress(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != PublicKeySize)
        {
            throw new ArgumentException($"A public key is {PublicKeySize} bytes (x ++ y, no 0x04 prefix); got {publicKey64.Length}.", nameof(publicKey64));
        }

        return new Address(Keccak256.Hash(publicKey64).AsSpan(Keccak256.Size - Address.Size));
    }

    /// <summary>
    /// Verifies an ECDSA signature over a 32-byte hash against a 64-byte public key. The recovery id is not used.
    /// A signature with s above half the curve order is rejected, as Ethereum has since EIP-2.
    /// </summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes or the public key not 64 bytes.</exception>
    /// <returns>True when the signature is valid for the key; false otherwise, including when the key is not a curve point.</returns>
    public static bool Verify(ReadOnlySpan<byte> hash32, EcdsaSignature signature, ReadOnlySpan<byte> publicKey64)
    {
        CheckHash(hash32);
        if (publicKey64.Length != PublicKeySize)
        {
            throw new ArgumentException($"A public key is {PublicKeySize} bytes (x ++ y, no 0x04 prefix); got {publicKey64.Length}.", nameof(publicKey64));
        }

        var r = new BcBigInteger(1, signature.R ?? []);
        var s = new BcBigInteger(1, signature.S ?? []);
        if (r.SignValue <= 0 || r.CompareTo(N) >= 0 || s.SignValue <= 0 || s.CompareTo(HalfN) > 0)
        {
            return false;
        }

        ECPoint q;
        try
        {
            var encoded = new byte[1 + PublicKeySize];
            encoded[0] = 0x04;
            publicKey64.CopyTo(encoded.AsSpan(1));
            q = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(q, Domain));
        return verifier.VerifySignature(hash32.ToArray(), r, s);
    }

    internal static byte[] EncodePublicKey(ECPoint point)
    {
        var encoded = point.Normalize().GetEncoded(false);
        return encoded.AsSpan(1).ToArray();
    }

    internal static void CheckHash(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != HashSize)
        {
            throw new ArgumentException($"ECDSA here signs a {HashSize}-byte hash (Keccak-256 of the message); got {hash32.Length} bytes.", nameof(hash32));
        }
    }

    internal static ECPoint? Recover(ReadOnlySpan<byte> hash32, BcBigInteger r, BcBigInteger s, byte recoveryId)
    {
        // SEC 1 v2, section 4.1.6. Only x = r is tried: x = r + n (recovery ids 2 and 3) happens with
        // probability about 2^-128 and Ethereum cannot express it.
        if (r.CompareTo(Curve.Curve.Field.Characteristic) >= 0)
        {
            return null;
        }

        var compressed = new byte[1 + HashSize];
        compressed[0] = (byte)(0x02 + recoveryId);
        var xBytes = r.ToByteArrayUnsigned();
        xBytes.CopyTo(compressed, compressed.Length - xBytes.Length);
        ECPoint point;
        try
        {
            point = Curve.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var e = new BcBigInteger(1, hash32.ToArray());
        var rInverse = r.ModInverse(N);
        var u1 = e.Negate().Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, point, u2).Normalize();
        return q.IsInfinity ? null : q;
    }

    private static (BcBigInteger R, BcBigInteger S) CheckComponents(EcdsaSignature signature, bool requireLowS)
    {
        if (signature.R is null || signature.S is null)
        {
            throw new InvalidSignatureException("The signature is the default value; it has no r and s.");
        }

        var r = new BcBigInteger(1, signature.R);
        var s = new BcBigInteger(1, signature.S);
        if (r.SignValue == 0 || r.CompareTo(N) >= 0)
        {
            throw new InvalidSignatureException("Signature r must be in [1, n-1] where n is the secp256k1 group order.");
        }

        if (s.SignValue == 0 || s.CompareTo(N) >= 0)
        {
            throw new InvalidSignatureException("Signature s must be in [1, n-1] where n is the secp256k1 group order.");
        }

        if (requireLowS && s.CompareTo(HalfN) > 0)
        {
            throw new InvalidSignatureException("Signature s is above n/2 (a 'high-s' signature); Ethereum rejects these since EIP-2. Normalize s to n - s and flip the recovery id.");
        }

        return (r, s);
    }
}
