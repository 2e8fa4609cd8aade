using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keeper.Chain.Rpc.Serialization;

/// <summary>
/// Refuses <see cref="BigInteger"/>: System.Text.Json would silently write it as an object of its properties, and a
/// JSON number is rarely what a node wants. Callers pass quantities as hex strings instead.
/// </summary>
internal sealed class BigIntegerJsonConverter : JsonConverter<BigInteger>
{
    private const string Advice = "BigInteger is not serialized implicitly: pass Hex.EncodeQuantity(value) for an Ethereum quantity, or a string.";

    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException(Advice);

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) => throw new NotSupportedException(Advice);
}
