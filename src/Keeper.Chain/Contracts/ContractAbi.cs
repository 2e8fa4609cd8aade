using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Keeper.Chain.Contracts;

/// <summary>
/// Calls and answers of typed Nethereum contract DTOs (<c>[Function]</c>, <c>[FunctionOutput]</c>, <c>[Event]</c>,
/// <c>[Error]</c>). Decoding is strict: Nethereum's decoders accept a boolean of 2, a uint32 word with high bits set or an
/// empty answer (read as zero), so every decoded value is encoded again and must give back the exact bytes received.
/// A contract that is not what the keeper expects then fails loudly instead of being read as zeros.
/// </summary>
public static partial class ContractAbi
{
    private static readonly FunctionCallDecoder Decoder = new();
    private static readonly ParametersEncoder Encoder = new();

    /// <summary>The 4-byte selector of a function DTO.</summary>
    public static byte[] Selector<TFunction>()
        where TFunction : FunctionMessage =>
        ABITypedRegistry.GetFunctionABI<TFunction>().Sha3Signature.HexToByteArray();

    /// <summary>The read of <paramref name="function"/> on the contract at <paramref name="to"/>.</summary>
    public static CallRequest Call<TFunction>(Address to, TFunction function)
        where TFunction : FunctionMessage =>
        new(to, InputCodec<TFunction>.Encode(function));

    /// <summary>The read of a function without arguments on the contract at <paramref name="to"/>.</summary>
    public static CallRequest Call<TFunction>(Address to)
        where TFunction : FunctionMessage, new() =>
        Call(to, new TFunction());

    /// <summary>Decodes the single return value a function DTO declares (<c>[Function("name", "type")]</c>).</summary>
    /// <exception cref="ContractDecodingException">The data is not that value's canonical encoding.</exception>
    public static TReturn DecodeReturn<TFunction, TReturn>(byte[] data)
        where TFunction : FunctionMessage
    {
        var function = ABITypedRegistry.GetFunctionABI<TFunction>();
        if (function.OutputParameters is not [var output])
        {
            throw new InvalidOperationException($"{typeof(TFunction).Name} declares {function.OutputParameters?.Length ?? 0} return values; DecodeReturn needs exactly one.");
        }

        // Nethereum records TReturn on the shared output parameter: each function DTO is decoded to one type only.
        return DecodeFunctionAnswer(
            function.Signature,
            data,
            () => Decoder.DecodeSimpleTypeOutput<TReturn>(output, data.ToHex(true)),
            value => Encoder.EncodeParameters(function.OutputParameters, value).AsSpan().SequenceEqual(data));
    }

    /// <summary>Decodes an answer into a <c>[FunctionOutput]</c> DTO; <paramref name="what"/> names the call in errors.</summary>
    /// <exception cref="ContractDecodingException">The data is not the DTO's canonical encoding.</exception>
    public static TOutput DecodeOutput<TOutput>(byte[] data, string what)
        where TOutput : IFunctionOutputDTO, new()
    {
        var canonical = false;
        return DecodeFunctionAnswer(what, data, () => OutputCodec<TOutput>.Decode(data, out canonical), _ => canonical);
    }

    /// <summary>
    /// Decodes an answer with Nethereum's default decoding against the outputs <typeparamref name="TFunction"/> declares,
    /// as values (see <see cref="AbiValues"/>), without the canonical check. For large containers such as Multicall3's
    /// results, whose every element would otherwise be mapped through reflection and encoded again; what they carry is
    /// decoded strictly by its own binding.
    /// </summary>
    /// <exception cref="ContractDecodingException">The data does not decode as those outputs.</exception>
    public static object?[] DecodeOutputValues<TFunction>(byte[] data, string what)
        where TFunction : FunctionMessage
    {
        var outputs = ABITypedRegistry.GetFunctionABI<TFunction>().OutputParameters;
        return DecodeFunctionAnswer(what, data, () => AbiValues.FromOutputs(Decoder.DecodeDefaultData(data, outputs)), _ => true);
    }

    /// <summary>
    /// Decodes revert data as the <c>[Error]</c> DTO <typeparamref name="TError"/>: false when the selector differs or
    /// the arguments are not its canonical encoding (revert data is untrusted and never throws here).
    /// </summary>
    public static bool TryDecodeError<TError>(byte[] data, out TError error)
        where TError : class, new()
    {
        error = new TError();
        var selector = ABITypedRegistry.GetError<TError>().Sha3Signature.HexToByteArray();
        if (!data.AsSpan().StartsWith(selector))
        {
            return false;
        }

        try
        {
            Decoder.DecodeFunctionCustomError(error, selector.ToHex(true), data.ToHex(true));
            byte[] canonical = [.. selector, .. Encoder.EncodeParametersFromTypeAttributes(typeof(TError), error)];
            return canonical.AsSpan().SequenceEqual(data);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static T DecodeFunctionAnswer<T>(string what, byte[] data, Func<T> decode, Func<T, bool> isCanonical) =>
        data.Length == 0
            ? throw new ContractDecodingException(what, data, "the answer is empty (no contract at the address, or no such function)")
            : DecodeStrictly(what, data, decode, isCanonical);

    private static T DecodeStrictly<T>(string what, byte[] data, Func<T> decode, Func<T, bool> isCanonical)
    {
        T value;
        bool canonical;
        try
        {
            value = decode();
            canonical = value is not null && isCanonical(value);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ContractDecodingException(what, data, ex.Message, ex);
        }

        return canonical ? value : throw new ContractDecodingException(what, data, "a value is out of range for its type, or the encoding is not canonical");
    }
}
