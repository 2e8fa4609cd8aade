using System.Security.Cryptography;
using System.Text.Json;
using Keeper.Chain.Primitives;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;

namespace Keeper.Chain.Signing;

/// <summary>
/// Web3 Secret Storage (keystore V3) files through Nethereum.KeyStore (scrypt or PBKDF2-HMAC-SHA256, AES-128-CTR,
/// Keccak MAC). Keeper reads the file first, so a malformed one is refused with a message naming the field and absurd
/// KDF parameters are refused before any derivation; Nethereum derives, checks the MAC and decrypts.
/// </summary>
public static class KeystoreV3
{
    private const string Cipher = "aes-128-ctr";
    private const int IvSize = 16;
    private const int MacSize = 32;
    private const int DerivedKeyLength = 32;

    /// <summary>Decrypts a V3 keystore. The MAC is verified before anything is decrypted.</summary>
    /// <exception cref="KeystoreException">
    /// The password is wrong (MAC mismatch), the JSON is malformed, a field is missing or unsupported, a KDF parameter
    /// is out of bounds, or the file's address does not match the decrypted key.
    /// </exception>
    public static PrivateKey Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new KeystoreException($"The keystore is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeystoreException($"The keystore must be a JSON object; it is {root.ValueKind}.");
            }

            var version = KeystoreJson.Int(root, "version", "version");
            if (version != 3)
            {
                throw new KeystoreException($"Unsupported keystore version {version} in 'version'; only version 3 is supported.");
            }

            var crypto = KeystoreJson.Object(root, "crypto", "crypto");
            var cipher = KeystoreJson.String(crypto, "cipher", "crypto.cipher");
            if (!string.Equals(cipher, Cipher, StringComparison.Ordinal))
            {
                throw new KeystoreException($"Unsupported cipher '{cipher}' in 'crypto.cipher'; only {Cipher} is supported.");
            }

            var iv = KeystoreJson.HexBytes(KeystoreJson.Object(crypto, "cipherparams", "crypto.cipherparams"), "iv", "crypto.cipherparams.iv", IvSize);
            var ciphertext = KeystoreJson.HexBytes(crypto, "ciphertext", "crypto.ciphertext", PrivateKey.Size);
            var kdf = ReadKdf(crypto);
            var mac = KeystoreJson.HexBytes(crypto, "mac", "crypto.mac", MacSize);
            var expectedAddress = ReadAddress(root);

            var key = DecryptKey(kdf, password, iv, ciphertext, mac);
            if (expectedAddress is { } address && address != key.Address)
            {
                key.Dispose();
                throw new KeystoreException($"Keystore field 'address' is {address.ToLowerHex()} but the decrypted key's address is {key.Address.ToLowerHex()}; the file has been altered or assembled from two keystores.");
            }

            return key;
        }
    }

    /// <summary>
    /// Encrypts a key into V3 keystore JSON with Nethereum's random salt, IV and UUID, in geth's layout (including the
    /// address, lowercase without <c>0x</c>).
    /// </summary>
    /// <param name="key">The key to store.</param>
    /// <param name="password">The password; its UTF-8 bytes feed the KDF.</param>
    /// <param name="kdf">The key derivation function; scrypt unless told otherwise.</param>
    /// <param name="options">KDF cost parameters; <see cref="KeystoreEncryptOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are out of bounds (for example scrypt n not a power of two).</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static string Encrypt(PrivateKey key, string password, KeystoreKdf kdf = KeystoreKdf.Scrypt, KeystoreEncryptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        options ??= KeystoreEncryptOptions.Default;
        if (!Enum.IsDefined(kdf))
        {
            throw new ArgumentOutOfRangeException(nameof(kdf), kdf, "Unknown KDF; use KeystoreKdf.Scrypt or KeystoreKdf.Pbkdf2.");
        }

        // The salt length stands in for the one Nethereum generates (32 bytes), so the shared bounds check applies.
        var parameters = new KeystoreKdfParameters(kdf, DerivedKeyLength, new byte[32], options.ScryptN, options.ScryptR, options.ScryptP, options.Pbkdf2Iterations);
        if (parameters.Problem("options") is { } problem)
        {
            throw new ArgumentException($"Invalid keystore encryption options: {problem}", nameof(options));
        }

        var secret = key.ExportBytes();
        var address = Hex.Encode(key.Address.Bytes, prefix: false);
        try
        {
            return kdf == KeystoreKdf.Scrypt
                ? new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(
                    password, secret, address, new ScryptParams { Dklen = DerivedKeyLength, N = options.ScryptN, R = options.ScryptR, P = options.ScryptP })
                : new KeyStorePbkdf2Service().EncryptAndGenerateKeyStoreAsJson(
                    password, secret, address, new Pbkdf2Params { Dklen = DerivedKeyLength, Count = options.Pbkdf2Iterations, Prf = "hmac-sha256" });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static PrivateKey DecryptKey(KeystoreKdfParameters kdf, string password, byte[] iv, byte[] ciphertext, byte[] mac)
    {
        var crypto = new KeyStoreCrypto();
        byte[] secret;
        try
        {
            secret = kdf.Kdf == KeystoreKdf.Scrypt
                ? crypto.DecryptScrypt(password, mac, iv, ciphertext, kdf.ScryptN, kdf.ScryptP, kdf.ScryptR, kdf.Salt, kdf.DkLen)
                : crypto.DecryptPbkdf2Sha256(password, mac, iv, ciphertext, kdf.Pbkdf2Iterations, kdf.Salt, kdf.DkLen);
        }
        catch (DecryptionException ex)
        {
            throw new KeystoreException("Keystore MAC mismatch: the password is wrong or the file is corrupted.", ex);
        }

        try
        {
            return new PrivateKey(secret);
        }
        catch (ArgumentException ex)
        {
            throw new KeystoreException("The keystore decrypts (its MAC is valid) to a value that is not a secp256k1 private key.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static KeystoreKdfParameters ReadKdf(JsonElement crypto)
    {
        var name = KeystoreJson.String(crypto, "kdf", "crypto.kdf");
        var p = KeystoreJson.Object(crypto, "kdfparams", "crypto.kdfparams");
        const string Prefix = "crypto.kdfparams";
        KeystoreKdfParameters parameters;
        switch (name)
        {
            case "scrypt":
                parameters = new KeystoreKdfParameters(
                    KeystoreKdf.Scrypt,
                    KeystoreJson.Int(p, "dklen", Prefix + ".dklen"),
                    KeystoreJson.HexBytes(p, "salt", Prefix + ".salt"),
                    KeystoreJson.Int(p, "n", Prefix + ".n"),
                    KeystoreJson.Int(p, "r", Prefix + ".r"),
                    KeystoreJson.Int(p, "p", Prefix + ".p"),
                    Pbkdf2Iterations: 0);
                break;
            case "pbkdf2":
                var prf = KeystoreJson.String(p, "prf", Prefix + ".prf");
                if (!string.Equals(prf, "hmac-sha256", StringComparison.Ordinal))
                {
                    throw new KeystoreException($"Unsupported PRF '{prf}' in '{Prefix}.prf'; only hmac-sha256 is supported.");
                }

                parameters = new KeystoreKdfParameters(
                    KeystoreKdf.Pbkdf2,
                    KeystoreJson.Int(p, "dklen", Prefix + ".dklen"),
                    KeystoreJson.HexBytes(p, "salt", Prefix + ".salt"),
                    ScryptN: 0,
                    ScryptR: 0,
                    ScryptP: 0,
                    KeystoreJson.Int(p, "c", Prefix + ".c"));
                break;
            default:
                throw new KeystoreException($"Unsupported KDF '{name}' in 'crypto.kdf'; only scrypt and pbkdf2 are supported.");
        }

        return parameters.Problem(Prefix) is { } problem
            ? throw new KeystoreException($"Refusing keystore KDF parameters: {problem}")
            : parameters;
    }

    private static Address? ReadAddress(JsonElement root)
    {
        if (KeystoreJson.Find(root, "address", "address") is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var bytes = KeystoreJson.HexBytes(root, "address", "address", Address.Size);
        return new Address(bytes);
    }
}
