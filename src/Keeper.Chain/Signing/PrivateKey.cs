using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Keeper.Chain.Primitives;
using NBitcoin.Secp256k1;
using Nethereum.Model;
using Nethereum.Signer;

namespace Keeper.Chain.Signing;

/// <summary>
/// A secp256k1 signing key: Nethereum's <see cref="EthECKey"/> behind a type that never shows the key by accident.
/// <see cref="ToString"/> gives only the address, the bytes leave only through <see cref="ExportBytes"/>, and
/// <see cref="Dispose"/> zeroes Keeper's copy and stops the key from signing.
/// </summary>
/// <remarks>
/// Nethereum holds the scalar as an immutable BigInteger the runtime cannot zero, so disposal limits the key's lifetime
/// in memory but cannot guarantee every copy is gone.
/// </remarks>
public sealed class PrivateKey : IDisposable
{
    /// <summary>The length of a private key in bytes.</summary>
    public const int Size = 32;

    // secp256k1 group order n (SEC 2, section 2.4.1): a key is a scalar in [1, n-1].
    private static readonly BigInteger GroupOrder = BigInteger.Parse(
        "0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static readonly Transaction1559Signer Eip1559Signer = new();

    private readonly byte[] _key;
    private readonly EthECKey _ecKey;
    private bool _disposed;

    // Every signature Keeper makes goes through an instance of this type, so this is the one place to choose Nethereum's
    // recoverable signing: it yields the recovery id directly instead of trying candidates (about ten times faster) and
    // produces the same bytes.
    static PrivateKey() => EthECKey.SignRecoverable = true;

    /// <summary>Creates a key from 32 big-endian bytes, copying them.</summary>
    /// <exception cref="ArgumentException">The input is not 32 bytes, is zero, or is not below the secp256k1 group order.</exception>
    public PrivateKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw new ArgumentException($"A secp256k1 private key is {Size} bytes; got {key.Length}.", nameof(key));
        }

        if (!InRange(key))
        {
            throw new ArgumentException("Not a valid secp256k1 private key: it must be in [1, n-1] where n is the group order (zero and values >= n are invalid).", nameof(key));
        }

        _key = key.ToArray();
        _ecKey = new EthECKey(_key, true);
        Address = new Address(_ecKey.GetPublicAddressAsBytes());
    }

    /// <summary>The Ethereum address of this key.</summary>
    public Address Address { get; }

    /// <summary>A copy of the 64-byte uncompressed public key (x ++ y, without the 0x04 prefix).</summary>
    public byte[] PublicKey => _ecKey.GetPubKeyNoPrefix().ToArray();

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
            do
            {
                RandomNumberGenerator.Fill(bytes);
            }
            while (!InRange(bytes));

            return new PrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Signs an EIP-1559 transaction through Nethereum's signer (the signature is set on <paramref name="transaction"/>)
    /// and returns its network encoding and hash.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The chain id is 0 (a transaction without replay protection is never signed), a field is unset or negative, or
    /// the tip exceeds the fee cap.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public RawTransaction Sign(Transaction1559 transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Eip1559Guards.Check(transaction);
        if (_key[0] != 0)
        {
            Eip1559Signer.SignTransaction(_ecKey, transaction);
        }
        else
        {
            transaction.SetSignature(SignWithFullScalar(transaction.RawHash));
        }

        return RawTransaction.From(transaction.GetRLPEncoded());
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

    // With SignRecoverable on, Nethereum 6.1.0 hands libsecp256k1 the scalar's minimal big-endian bytes, and libsecp256k1
    // takes exactly 32: a key whose first byte is zero (one key in 256) throws there. Such a key makes the same call with
    // its full 32 bytes and builds the signature the way Nethereum's signer does, so the output is the same.
    private Signature SignWithFullScalar(byte[] hash)
    {
        using var key = Context.Instance.CreateECPrivKey(_key);
        if (!key.TrySignRecoverable(hash, out var recoverable) || recoverable is null)
        {
            throw new CryptographicException("libsecp256k1 could not sign the transaction hash.");
        }

        recoverable.Deconstruct(out var r, out var s, out var recoveryId);
        var signature = EthECDSASignatureFactory.FromComponents(r.ToBytes(), s.ToBytes(), [(byte)recoveryId]);
        return new Signature { R = signature.R, S = signature.S, V = signature.V };
    }

    private static bool InRange(ReadOnlySpan<byte> key)
    {
        var d = new BigInteger(key, isUnsigned: true, isBigEndian: true);
        return !d.IsZero && d < GroupOrder;
    }
}
