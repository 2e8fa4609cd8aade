namespace Keeper.Chain.Signing;

/// <summary>The key derivation functions a V3 keystore can use.</summary>
public enum KeystoreKdf
{
    /// <summary>scrypt (the geth default): memory-hard, the stronger choice.</summary>
    Scrypt,

    /// <summary>PBKDF2 with HMAC-SHA256.</summary>
    Pbkdf2,
}
