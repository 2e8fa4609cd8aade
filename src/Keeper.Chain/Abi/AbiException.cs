namespace Keeper.Chain.Abi;

/// <summary>
/// An ABI type, signature, JSON ABI or value is invalid: the message says which one, where, and how to fix it.
/// </summary>
public class AbiException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public AbiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public AbiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
