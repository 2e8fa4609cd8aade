using System.Numerics;

namespace Keeper.Chain.Abi;

/// <summary>
/// Decodes revert data (from a failed <c>eth_call</c> or <c>eth_estimateGas</c>) into a <see cref="RevertReason"/>.
/// Revert data is untrusted: decoding never throws on malformed data, which becomes <see cref="RevertReason.Unknown"/>.
/// </summary>
public static class RevertDecoder
{
    private static readonly Dictionary<int, string> PanicDescriptions = new()
    {
        [0x00] = "generic compiler-inserted panic",
        [0x01] = "assertion failed (assert with a false condition)",
        [0x11] = "arithmetic overflow or underflow outside an unchecked block",
        [0x12] = "division or modulo by zero",
        [0x21] = "conversion of a value out of range into an enum type",
        [0x22] = "access to an incorrectly encoded storage byte array",
        [0x31] = ".pop() on an empty array",
        [0x32] = "array, bytesN or slice index out of bounds",
        [0x41] = "too much memory allocated or an array too large created",
        [0x51] = "call to a zero-initialized variable of internal function type",
    };

    /// <summary><c>Error(string)</c>, the error of <c>require(cond, "message")</c>; selector 0x08c379a0.</summary>
    public static AbiError ErrorStringError { get; } = new("Error", [new AbiParameter("message", AbiType.String)]);

    /// <summary><c>Panic(uint256)</c>, the error of failed asserts and checked arithmetic; selector 0x4e487b71.</summary>
    public static AbiError PanicError { get; } = new("Panic", [new AbiParameter("code", AbiType.UInt256)]);

    /// <summary>
    /// Decodes revert data: no data is <see cref="RevertReason.Empty"/>; <c>Error(string)</c> is
    /// <see cref="RevertReason.ErrorString"/>; <c>Panic(uint256)</c> is <see cref="RevertReason.Panic"/>; an error among
    /// <paramref name="knownErrors"/> (matched by selector) is <see cref="RevertReason.Custom"/>; anything else, or any
    /// of these that does not decode cleanly, is <see cref="RevertReason.Unknown"/>.
    /// </summary>
    public static RevertReason Decode(ReadOnlySpan<byte> data, IEnumerable<AbiError>? knownErrors = null)
    {
        if (data.IsEmpty)
        {
            return RevertReason.Empty.Instance;
        }

        try
        {
            if (ErrorStringError.Matches(data))
            {
                return new RevertReason.ErrorString((string)ErrorStringError.DecodeArguments(data)[0]!);
            }

            if (PanicError.Matches(data))
            {
                var code = (BigInteger)PanicError.DecodeArguments(data)[0]!;
                return new RevertReason.Panic(code, DescribePanic(code));
            }

            foreach (var error in knownErrors ?? [])
            {
                if (error.Matches(data))
                {
                    return new RevertReason.Custom(error, error.DecodeArguments(data));
                }
            }
        }
        catch (AbiDecodingException)
        {
            // Revert data comes from the contract or the node; malformed data is reported as it is, not thrown.
        }

        return new RevertReason.Unknown(data.ToArray());
    }

    /// <summary>What Solidity documents a panic code to mean ("Panic via assert and Error via require").</summary>
    public static string DescribePanic(BigInteger code) =>
        code >= 0 && code <= 0xff && PanicDescriptions.TryGetValue((int)code, out var description)
            ? description
            : "unknown panic code";
}
