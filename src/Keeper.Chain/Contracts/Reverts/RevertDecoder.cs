using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Keeper.Chain.Contracts.Reverts;

/// <summary>
/// Decodes revert data (from a failed <c>eth_call</c> or <c>eth_estimateGas</c>) into a <see cref="RevertReason"/>.
/// Revert data is untrusted: decoding never throws on malformed data, which becomes <see cref="RevertReason.Unknown"/>.
/// </summary>
public static class RevertDecoder
{
    private static readonly FunctionCallDecoder Decoder = new();
    private static readonly ParametersEncoder Encoder = new();

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

    /// <summary>
    /// Decodes revert data: no data is <see cref="RevertReason.Empty"/>; <c>Error(string)</c> is
    /// <see cref="RevertReason.ErrorString"/>; <c>Panic(uint256)</c> is <see cref="RevertReason.Panic"/>; an error among
    /// <paramref name="knownErrors"/> (matched by selector) is <see cref="RevertReason.Custom"/>; anything else, or any
    /// of these that does not decode to exactly the bytes given, is <see cref="RevertReason.Unknown"/>.
    /// </summary>
    public static RevertReason Decode(ReadOnlySpan<byte> data, IEnumerable<ErrorABI>? knownErrors = null)
    {
        if (data.IsEmpty)
        {
            return RevertReason.Empty.Instance;
        }

        var bytes = data.ToArray();
        if (ContractAbi.TryDecodeError<ErrorStringError>(bytes, out var error))
        {
            return new RevertReason.ErrorString(error.Message);
        }

        if (ContractAbi.TryDecodeError<PanicError>(bytes, out var panic))
        {
            return new RevertReason.Panic(panic.Code, DescribePanic(panic.Code));
        }

        foreach (var known in knownErrors ?? [])
        {
            if (TryDecodeCustom(known, bytes) is { } custom)
            {
                return custom;
            }
        }

        return new RevertReason.Unknown(bytes);
    }

    /// <summary>What Solidity documents a panic code to mean ("Panic via assert and Error via require").</summary>
    public static string DescribePanic(BigInteger code) =>
        code >= 0 && code <= 0xff && PanicDescriptions.TryGetValue((int)code, out var description)
            ? description
            : "unknown panic code";

    private static RevertReason.Custom? TryDecodeCustom(ErrorABI error, byte[] data)
    {
        var selector = error.Sha3Signature.HexToByteArray();
        if (!data.AsSpan().StartsWith(selector))
        {
            return null;
        }

        try
        {
            var outputs = Decoder.DecodeError(error, data.ToHex(true));
            byte[] canonical = [.. selector, .. Encoder.EncodeParameters(error.InputParameters, [.. outputs.OrderBy(o => o.Parameter.Order).Select(o => o.Result)])];
            return canonical.AsSpan().SequenceEqual(data) ? new RevertReason.Custom(error, AbiValues.FromOutputs(outputs)) : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Revert data comes from the contract or the node; what does not decode is reported as it is, not thrown.
            return null;
        }
    }
}
