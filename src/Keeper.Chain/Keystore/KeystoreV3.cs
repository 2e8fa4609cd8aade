using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Keystore;

/// <summary>
/// Web3 Secret Storage (keystore V3) files: AES-128-CTR encryption of the private key under a key derived from the
/// password with scrypt or PBKDF2-HMAC-SHA256, authenticated by <c>keccak256(derivedKey[16..32] ++ ciphertext)</c>.
/// Passwords are used as their UTF-8 bytes without normalization, as geth does.
/// </summary>
public static class KeystoreV3
{
    private const string Cipher = "aes-128-ctr";
    private const int IvSize = 16;
    private const int MacSize = 32;
    private const int SaltSize = 32;
    private const int DerivedKeyLength = 32;
    private const int CipherKeyLength = 16;

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
    /// Encrypts a key into V3 keystore JSON with a random salt, IV and UUID, in geth's layout (including the address).
    /// </summary>
    /// <param name="key">The key to store.</param>
    /// <param name="password">The password; its UTF-8 bytes feed the KDF.</param>
    /// <param name="kdf">The key derivation function; scrypt unless told otherwise.</param>
    /// <param name="options">KDF cost parameters; <see cref="KeystoreEncryptOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are out of bounds (for example scrypt n not a power of two).</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static string Encrypt(PrivateKey key, string password, KeystoreKdf kdf = KeystoreKdf.Scrypt, KeystoreEncryptOptions? options = null)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var iv = RandomNumberGenerator.GetBytes(IvSize);
        return EncryptWith(key, password, kdf, options ?? KeystoreEncryptOptions.Default, salt, iv, Guid.NewGuid());
    }

    /// <summary>Encrypts with the given salt, IV and id; only tests pin these, to compare against published vectors.</summary>
    internal static string EncryptWith(PrivateKey key, string password, KeystoreKdf kdf, KeystoreEncryptOptions options, byte[] salt, byte[] iv, Guid id)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(kdf))
        {
            throw new ArgumentOutOfRangeException(nameof(kdf), kdf, "Unknown KDF; use KeystoreKdf.Scrypt or KeystoreKdf.Pbkdf2.");
        }

        var parameters = new KeystoreKdfParameters(kdf, DerivedKeyLength, salt, options.ScryptN, options.ScryptR, options.ScryptP, options.Pbkdf2Iterations);
        if (parameters.Problem("options") is { } problem)
        {
            throw new ArgumentException($"Invalid keystore encryption options: {problem}", nameof(options));
        }

        var secret = key.ExportBytes();
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var derivedKey = parameters.DeriveKey(passwordBytes);
        try
        {
            var ciphertext = Aes128Ctr.Transform(derivedKey.AsSpan(0, CipherKeyLength), iv, secret);
            var mac = Mac(derivedKey, ciphertext);
            return Write(key.Address, parameters, iv, ciphertext, mac, id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(passwordBytes);
            CryptographicOperations.ZeroMemory(derivedKey);
        }
    }

    /// <summary>Derives the key for a keystore's KDF parameters; exposed to tests to check published intermediates.</summary>
    internal static byte[] DeriveKey(KeystoreKdfParameters parameters, string password) =>
        parameters.DeriveKey(Encoding.UTF8.GetBytes(password));

    private static PrivateKey DecryptKey(KeystoreKdfParameters kdf, string password, byte[] iv, byte[] ciphertext, byte[] mac)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var derivedKey = kdf.DeriveKey(passwordBytes);
        byte[]? secret = null;
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Mac(derivedKey, ciphertext), mac))
            {
                throw new KeystoreException("Keystore MAC mismatch: the password is wrong or the file is corrupted.");
            }

            secret = Aes128Ctr.Transform(derivedKey.AsSpan(0, CipherKeyLength), iv, ciphertext);
            try
            {
                return new PrivateKey(secret);
            }
            catch (ArgumentException ex)
            {
                throw new KeystoreException("The keystore decrypts (its MAC is valid) to a value that is not a secp256k1 private key.", ex);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            CryptographicOperations.ZeroMemory(derivedKey);
            if (secret is not null)
            {
                CryptographicOperations.ZeroMemory(secret);
            }
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

    private static byte[] Mac(byte[] derivedKey, byte[] ciphertext)
    {
        var body = new byte[16 + ciphertext.Length];
        derivedKey.AsSpan(16, 16).CopyTo(body);
        ciphertext.CopyTo(body, 16);
        var mac = Keccak256.Hash(body);
        CryptographicOperations.ZeroMemory(body);
        return mac;
    }

    private static string Write(Address address, KeystoreKdfParameters kdf, byte[] iv, byte[] ciphertext, byte[] mac, Guid id)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("address", Hex.Encode(address.Bytes, prefix: false));
            writer.WriteStartObject("crypto");
            writer.WriteString("cipher", Cipher);
            writer.WriteString("ciphertext", Hex.Encode(ciphertext, prefix: false));
            writer.WriteStartObject("cipherparams");
            writer.WriteString("iv", Hex.Encode(iv, prefix: false));
            writer.WriteEndObject();
            writer.WriteString("kdf", kdf.Kdf == KeystoreKdf.Scrypt ? "scrypt" : "pbkdf2");
            writer.WriteStartObject("kdfparams");
            if (kdf.Kdf == KeystoreKdf.Scrypt)
            {
                writer.WriteNumber("dklen", kdf.DkLen);
                writer.WriteNumber("n", kdf.ScryptN);
                writer.WriteNumber("p", kdf.ScryptP);
                writer.WriteNumber("r", kdf.ScryptR);
            }
            else
            {
                writer.WriteNumber("c", kdf.Pbkdf2Iterations);
                writer.WriteNumber("dklen", kdf.DkLen);
                writer.WriteString("prf", "hmac-sha256");
            }

            writer.WriteString("salt", Hex.Encode(kdf.Salt, prefix: false));
            writer.WriteEndObject();
            writer.WriteString("mac", Hex.Encode(mac, prefix: false));
            writer.WriteEndObject();
            writer.WriteString("id", id.ToString("D"));
            writer.WriteNumber("version", 3);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
