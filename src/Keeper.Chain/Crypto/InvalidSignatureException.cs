namespace Keeper.Chain.Crypto;

/// <summary>
/// Thrown when a signature cannot yield a public key: r or s out of range, s in the upper half of the curve order
/// (rejected since EIP-2), or r not the x coordinate of a curve point.
/// </summary>
public sealed class InvalidSignatureException : Exception
{
    /// <summary>Creates the exception with a message saying what is wrong with the signature.</summary>
    public InvalidSignatureException(string message)
        : base(message)
    {
    }
}
