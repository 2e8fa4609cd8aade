using System.Text.Json;
using System.Text.Json.Serialization;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Rpc.Serialization;

/// <summary>Writes an <see cref="Address"/> as its EIP-55 checksummed hex string.</summary>
internal sealed class AddressJsonConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Address.TryParse(reader.GetString(), out var address) ? address : throw new JsonException("Expected a 20-byte hex address.");

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
