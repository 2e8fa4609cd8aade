using System.Text.Json;
using System.Text.Json.Serialization;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Rpc.Serialization;

/// <summary>Writes byte arrays as 0x-prefixed hex, the Ethereum convention, instead of System.Text.Json's base64.</summary>
internal sealed class HexBytesJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Hex.TryDecode(reader.GetString(), out var bytes) ? bytes : throw new JsonException("Expected 0x-prefixed hex data.");

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) => writer.WriteStringValue(Hex.Encode(value));
}
