namespace Keeper.Chain.Signing;

/// <summary>
/// Thrown when a keystore cannot be decrypted: the password is wrong (MAC mismatch), the JSON is malformed, a field is
/// missing or has the wrong type, the version, cipher or KDF is unsupported, a KDF parameter is absurd, or the stored
/// address does not match the decrypted key. The message names the field.
/// </summary>
public sealed class KeystoreException : Exception
{
    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public KeystoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the lower-level error that caused it.</summary>
    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
