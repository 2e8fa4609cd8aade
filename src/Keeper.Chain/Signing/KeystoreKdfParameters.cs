namespace Keeper.Chain.Signing;

/// <summary>
/// The KDF and its parameters as read from (or written to) a keystore, with the sanity limits both directions share:
/// a file from elsewhere must not make the node derive for minutes or allocate gigabytes before the password is checked.
/// </summary>
internal sealed record KeystoreKdfParameters(KeystoreKdf Kdf, int DkLen, byte[] Salt, int ScryptN, int ScryptR, int ScryptP, int Pbkdf2Iterations)
{
    public const int MinDkLen = 32;
    public const int MaxDkLen = 128;
    public const int MaxSaltLength = 1024;
    public const int MaxScryptN = 1 << 22;
    public const int MaxScryptP = 16;
    public const long MaxScryptMemoryBytes = 1L << 30;
    public const int MaxPbkdf2Iterations = 100_000_000;

    /// <summary>Returns why the parameters are unusable, naming the JSON field under <paramref name="prefix"/>, or null when they are fine.</summary>
    public string? Problem(string prefix)
    {
        if (DkLen < MinDkLen || DkLen > MaxDkLen)
        {
            return $"'{prefix}.dklen' is {DkLen}; it must be between {MinDkLen} and {MaxDkLen} (the MAC uses bytes 16..32 of the derived key).";
        }

        if (Salt.Length == 0 || Salt.Length > MaxSaltLength)
        {
            return $"'{prefix}.salt' is {Salt.Length} bytes; it must be between 1 and {MaxSaltLength}.";
        }

        if (Kdf == KeystoreKdf.Pbkdf2)
        {
            return Pbkdf2Iterations < 1 || Pbkdf2Iterations > MaxPbkdf2Iterations
                ? $"'{prefix}.c' is {Pbkdf2Iterations}; it must be between 1 and {MaxPbkdf2Iterations}."
                : null;
        }

        if (ScryptN < 2 || ScryptN > MaxScryptN || (ScryptN & (ScryptN - 1)) != 0)
        {
            return $"'{prefix}.n' is {ScryptN}; scrypt needs a power of two between 2 and {MaxScryptN}.";
        }

        if (ScryptR < 1 || ScryptP < 1 || ScryptP > MaxScryptP)
        {
            return $"'{prefix}.r' is {ScryptR} and '{prefix}.p' is {ScryptP}; r must be at least 1 and p between 1 and {MaxScryptP}.";
        }

        if (128L * ScryptR * ScryptN > MaxScryptMemoryBytes)
        {
            return $"'{prefix}.n' = {ScryptN} with '{prefix}.r' = {ScryptR} needs {128L * ScryptR * ScryptN / (1 << 20)} MiB; more than {MaxScryptMemoryBytes >> 20} MiB is refused.";
        }

        return null;
    }
}
