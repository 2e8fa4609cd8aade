using System.Collections;
using System.Globalization;
using System.Numerics;
using Keeper.Chain.Primitives;
using Nethereum.ABI.Model;

namespace Keeper.Chain.Contracts.Reverts;

/// <summary>
/// Why a call reverted, decoded from its revert data by <see cref="RevertDecoder"/>: one of <see cref="Empty"/>,
/// <see cref="ErrorString"/>, <see cref="Panic"/>, <see cref="Custom"/> or <see cref="Unknown"/>. Each has a readable
/// <see cref="ToString"/> for logs and error messages.
/// </summary>
public abstract record RevertReason
{
    private const int MaxItems = 16;

    private RevertReason()
    {
    }

    /// <summary>A one-line readable description of the revert.</summary>
    public abstract override string ToString();

    private static string Abbreviate(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");

    private static string Format(object? value) => value switch
    {
        null => "null",
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Hex.Encode(bytes),
        string text => "\"" + Abbreviate(text) + "\"",
        bool flag => flag ? "true" : "false",
        IList items => "[" + string.Join(", ", items.Cast<object?>().Take(MaxItems).Select(Format)) + (items.Count > MaxItems ? $", ... ({items.Count} items)" : string.Empty) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The call reverted with no data: <c>revert()</c>, <c>require(cond)</c> without a message, or out of gas.</summary>
    public sealed record Empty : RevertReason
    {
        /// <summary>The single instance.</summary>
        public static Empty Instance { get; } = new();

        /// <inheritdoc />
        public override string ToString() => "reverted without a reason (no revert data)";
    }

    /// <summary><c>Error(string)</c> (selector 0x08c379a0): <c>require(cond, "message")</c> or <c>revert("message")</c>.</summary>
    /// <param name="Message">The revert message.</param>
    public sealed record ErrorString(string Message) : RevertReason
    {
        /// <inheritdoc />
        public override string ToString() => $"reverted: \"{Message}\"";
    }

    /// <summary><c>Panic(uint256)</c> (selector 0x4e487b71): a failed assert, arithmetic overflow, division by zero and the like.</summary>
    /// <param name="Code">The panic code, e.g. 0x11 for arithmetic overflow.</param>
    /// <param name="Description">What Solidity documents the code to mean.</param>
    public sealed record Panic(BigInteger Code, string Description) : RevertReason
    {
        /// <inheritdoc />
        public override string ToString() => $"panicked with code 0x{Code.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0')}: {Description}";
    }

    /// <summary>A custom error from the known errors given to <see cref="RevertDecoder.Decode"/>, with its decoded arguments.</summary>
    /// <param name="Error">The custom error.</param>
    /// <param name="Arguments">One value per input of <paramref name="Error"/>; addresses as <see cref="Address"/>.</param>
    public sealed record Custom(ErrorABI Error, object?[] Arguments) : RevertReason
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"reverted with error {Error.Name}({string.Join(", ", Arguments.Select((v, i) => Error.InputParameters[i].Name is { Length: > 0 } name ? $"{name}={Format(v)}" : Format(v)))})";
    }

    /// <summary>Revert data that is none of the above, or a malformed <c>Error(string)</c>, <c>Panic(uint256)</c> or custom error.</summary>
    /// <param name="Data">The raw revert data.</param>
    public sealed record Unknown(byte[] Data) : RevertReason
    {
        /// <inheritdoc />
        public override string ToString() =>
            Data.Length >= 4
                ? $"reverted with unrecognized data (selector {Hex.Encode(Data.AsSpan(0, 4))}, {Data.Length} bytes): {Abbreviate(Hex.Encode(Data))}"
                : $"reverted with unrecognized data ({Data.Length} bytes): {Hex.Encode(Data)}";
    }
}
