using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts;

/// <summary>
/// A contract answered with data that is not the ABI encoding its binding expects: too short, a value out of range for
/// its type (a boolean other than 0 or 1, a uint32 with high bits set), or not in canonical form. Usually the address is
/// not the contract the keeper thinks it is, or the contract was upgraded to a different interface.
/// </summary>
public sealed class ContractDecodingException : Exception
{
    /// <summary>Creates the exception for data returned by <paramref name="what"/>.</summary>
    public ContractDecodingException(string what, ReadOnlySpan<byte> data, string problem, Exception? innerException = null)
        : base($"{what} returned {data.Length} bytes that do not decode as its ABI declares: {problem}. Data: {Abbreviate(Hex.Encode(data))}. Check that the address is the contract expected and that its interface has not changed.", innerException)
    {
        What = what;
    }

    /// <summary>The function or event whose data did not decode.</summary>
    public string What { get; }

    private static string Abbreviate(string hex) => hex.Length <= 140 ? hex : string.Concat(hex.AsSpan(0, 137), "...");
}
