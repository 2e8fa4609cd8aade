using System.Numerics;
using System.Reflection;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace Keeper.Chain.Contracts;

/// <summary>
/// Nethereum's decoding of a <c>[FunctionOutput]</c> DTO with the DTO's parameters and properties read once. Nethereum's
/// own <c>DecodeFunctionOutput</c> reads the attributes and parses every ABI type again on each call, about 0.1 ms per
/// answer: 10 s of a cold start that decodes 100,000 validator entries. Here the answer is decoded against the cached
/// parameters (<c>DecodeDefaultData</c>) and the values are set on the DTO, and its tuples, by parameter order.
/// </summary>
internal static class OutputCodec<T>
    where T : new()
{
    private static readonly FunctionCallDecoder Decoder = new();
    private static readonly ParametersEncoder Encoder = new();
    private static readonly Parameter[] Parameters = [.. Decoder.GetParameterOutputsFromAttributes(typeof(T)).Select(p => p.Parameter).OrderBy(p => p.Order)];
    private static readonly PropertyInfo[] Properties = DtoLayout.Of(typeof(T));

    /// <summary>Decodes <paramref name="data"/>; <paramref name="canonical"/> tells whether encoding it again gives the same bytes.</summary>
    public static T Decode(byte[] data, out bool canonical)
    {
        var outputs = Decoder.DecodeDefaultData(data, Parameters);
        var values = new object?[outputs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Encodable(outputs[i].Result);
        }

        canonical = Encoder.EncodeParameters(Parameters, values).AsSpan().SequenceEqual(data);
        var result = new T();
        Fill(result, Properties, values);
        return result;
    }

    // A decoded tuple is the list of its components' outputs; the encoder takes a tuple as an array of values.
    private static object? Encodable(object? value) =>
        value is List<ParameterOutput> tuple ? tuple.OrderBy(o => o.Parameter.Order).Select(o => Encodable(o.Result)).ToArray() : value;

    private static void Fill(object target, PropertyInfo[] properties, object?[] values)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var value = values[i];
            if (value is object?[] tuple && property.PropertyType != typeof(object[]))
            {
                var component = Activator.CreateInstance(property.PropertyType)!;
                Fill(component, DtoLayout.Of(property.PropertyType), tuple);
                value = component;
            }
            else if (value is BigInteger integer && property.PropertyType != typeof(BigInteger))
            {
                // The canonical check has already refused a value out of its ABI type's range.
                value = Type.GetTypeCode(property.PropertyType) switch
                {
                    TypeCode.Byte => (byte)integer,
                    TypeCode.UInt16 => (ushort)integer,
                    TypeCode.UInt32 => (uint)integer,
                    TypeCode.UInt64 => (ulong)integer,
                    TypeCode.Int32 => (int)integer,
                    TypeCode.Int64 => (long)integer,
                    _ => throw new InvalidCastException($"{typeof(T).Name}.{property.Name} is {property.PropertyType.Name}; an ABI integer fits BigInteger or a .NET integer type."),
                };
            }

            property.SetValue(target, value);
        }
    }
}
