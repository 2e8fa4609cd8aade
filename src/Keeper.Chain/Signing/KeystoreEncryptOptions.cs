namespace Keeper.Chain.Signing;

/// <summary>
/// KDF cost parameters for <see cref="KeystoreV3.Encrypt"/>. The defaults are geth's standard strength; lighter values
/// exist for tests and must not be used for real keys.
/// </summary>
public sealed record KeystoreEncryptOptions
{
    /// <summary>Geth's standard parameters: scrypt n = 262144, r = 8, p = 1; PBKDF2 c = 262144.</summary>
    public static KeystoreEncryptOptions Default { get; } = new();

    /// <summary>The scrypt CPU/memory cost n; a power of two. Default 262144 (2^18).</summary>
    public int ScryptN { get; init; } = 262_144;

    /// <summary>The scrypt block size r. Default 8.</summary>
    public int ScryptR { get; init; } = 8;

    /// <summary>The scrypt parallelism p. Default 1.</summary>
    public int ScryptP { get; init; } = 1;

    /// <summary>The PBKDF2 iteration count c. Default 262144.</summary>
    public int Pbkdf2Iterations { get; init; } = 262_144;
}
