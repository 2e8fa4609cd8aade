extern alias PortableBouncyCastle;

using System.Security.Cryptography;
using Keeper.Chain.Primitives;
using PortableBouncyCastle::Org.BouncyCastle.Crypto.Digests;
using PortableBouncyCastle::Org.BouncyCastle.Crypto.Parameters;
using PortableBouncyCastle::Org.BouncyCastle.Crypto.Signers;
using PortableBouncyCastle::Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = PortableBouncyCastle::Org.BouncyCastle.Math.BigInteger;

namespace Keeper.Chain.Crypto;

/// <summary>
/// A secp256k1 private key. It never shows its bytes by accident: <see cref="ToString"/> gives only the address, and
/// the bytes leave only through <see cref="ExportBytes"/>. <see cref="Dispose"/> zeroes the buffer.
/// </summary>
/// <remarks>
/// Signing passes the scalar to BouncyCastle as an immutable BigInteger, which the runtime cannot zero; disposal
/// limits the key's lifetime in memory but cannot guarantee every copy is gone.
/// </remarks>
public sealed class PrivateKey : IDisposable
{
    /// <summary>The length of a private key in bytes.</summary>
    public const int Size = 32;

    private readonly byte[] _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    /// <summary>Creates a key from 32 big-endian bytes, copying them.</summary>
    /// <exception cref="ArgumentException">The input is not 32 bytes, is zero, or is not below the secp256k1 group order.</exception>
    public PrivateKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw new ArgumentException($"A secp256k1 private key is {Size} bytes; got {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
        var d = new BcBigInteger(1, _key);
        if (d.SignValue == 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            CryptographicOperations.ZeroMemory(_key);
            throw new ArgumentException("Not a valid secp256k1 private key: it must be in [1, n-1] where n is the group order (zero and values >= n are invalid).", nameof(key));
        }

        _publicKey = Secp256k1.EncodePublicKey(new FixedPointCombMultiplier().Multiply(Secp256k1.Domain.G, d));
        Address = Secp256k1.ToAddress(_publicKey);
    }

    /// <summary>The Ethereum address of this key.</summary>
    public Address Address { get; }

    /// <summary>A copy of the 64-byte uncompressed public key (x ++ y, without the 0x04 prefix).</summary>
    public byte[] PublicKey => _publicKey.ToArray();

    /// <summary>Parses 64 hex digits, with or without a <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">The text is not 32 bytes of hex.</exception>
    /// <exception cref="ArgumentException">The value is not a valid private key (zero, or not below the group order).</exception>
    public static PrivateKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != Size)
        {
            // The text itself is not echoed: it may be a key with a typo.
            throw new FormatException($"A private key is {Size} bytes written as {Size * 2} hex digits (optionally 0x-prefixed); the text given is not.");
        }

        try
        {
            return new PrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Generates a new key from the operating system's cryptographic random number generator.</summary>
    public static PrivateKey Generate()
    {
        var bytes = new byte[Size];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                var d = new BcBigInteger(1, bytes);
                if (d.SignValue > 0 && d.CompareTo(Secp256k1.N) < 0)
                {
                    return new PrivateKey(bytes);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Signs a 32-byte hash with a deterministic nonce (RFC 6979, HMAC-SHA256). The result always has
    /// s &lt;= n/2 (low-s, as EIP-2 requires), with the recovery id adjusted to match.
    /// </summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public EcdsaSignature Sign(ReadOnlySpan<byte> hash32)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Secp256k1.CheckHash(hash32);
        var hash = hash32.ToArray();
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BcBigInteger(1, _key), Secp256k1.Domain));
        var components = signer.GenerateSignature(hash);
        var r = components[0];
        var s = components[1];
        if (s.CompareTo(Secp256k1.HalfN) > 0)
        {
            s = Secp256k1.N.Subtract(s);
        }

        // ECDsaSigner does not expose the nonce point, so the recovery id is found by recovering both candidates.
        for (byte recoveryId = 0; recoveryId <= 1; recoveryId++)
        {
            var candidate = Secp256k1.Recover(hash, r, s, recoveryId);
            if (candidate is not null && Secp256k1.EncodePublicKey(candidate).AsSpan().SequenceEqual(_publicKey))
            {
                return new EcdsaSignature(ToComponent(r), ToComponent(s), recoveryId);
            }
        }

        // Only reachable when the nonce point's x is at least n (probability about 2^-128).
        throw new CryptographicException("The signature's nonce point cannot be expressed with an Ethereum recovery id (0 or 1); sign a different message.");
    }

    /// <summary>Returns a copy of the 32 key bytes. The caller owns the copy and should zero it when done.</summary>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public byte[] ExportBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _key.ToArray();
    }

    /// <summary>Describes the key by its address only; never the key material.</summary>
    public override string ToString() => $"PrivateKey({Address})";

    /// <summary>Zeroes the key bytes; the key can no longer sign or be exported. The address stays readable.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
        }
    }

    private static byte[] ToComponent(BcBigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var result = new byte[EcdsaSignature.ComponentSize];
        bytes.CopyTo(result, result.Length - bytes.Length);
        return result;
    }
}
