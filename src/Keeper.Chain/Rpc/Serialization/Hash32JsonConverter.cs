using System.Text.Json;
using System.Text.Json.Serialization;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Rpc.Serialization;

/// <summary>Writes a <see cref="Hash32"/> as 0x-prefixed hex.</summary>
internal sealed class Hash32JsonConverter : JsonConverter<Hash32>
{
    public override Hash32 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Hash32.TryParse(reader.GetString(), out var hash) ? hash : throw new JsonException("Expected a 32-byte hex hash.");

    public override void Write(Utf8JsonWriter writer, Hash32 value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
