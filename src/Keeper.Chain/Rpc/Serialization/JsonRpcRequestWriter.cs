using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keeper.Chain.Rpc.Serialization;

/// <summary>Writes JSON-RPC 2.0 request bodies: one call, or a batch with consecutive ids.</summary>
internal static class JsonRpcRequestWriter
{
    /// <summary>The protocol version every request and response carries.</summary>
    public const string Version = "2.0";

    /// <summary>How parameters are serialized: System.Text.Json defaults plus Ethereum hex for bytes, addresses and hashes.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.General)
    {
        Converters = { new HexBytesJsonConverter(), new AddressJsonConverter(), new Hash32JsonConverter(), new BigIntegerJsonConverter() },
    };

    /// <summary>Writes <c>{"jsonrpc":"2.0","id":id,"method":...,"params":[...]}</c>.</summary>
    /// <exception cref="ArgumentException">A parameter cannot be serialized.</exception>
    public static byte[] WriteCall(long id, string method, IReadOnlyList<object?> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCall(writer, id, method, parameters);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a batch whose calls have the ids <paramref name="firstId"/>, <paramref name="firstId"/> + 1, ...</summary>
    /// <exception cref="ArgumentException">A parameter cannot be serialized.</exception>
    public static byte[] WriteBatch(long firstId, IReadOnlyList<JsonRpcRequest> requests)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * requests.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                WriteCall(writer, firstId + i, requests[i].Method, requests[i].Parameters);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteCall(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?> parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", Version);
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WriteStartArray("params");
        for (var i = 0; i < parameters.Count; i++)
        {
            WriteParameter(writer, method, i, parameters[i]);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, string method, int index, object? value)
    {
        try
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case JsonElement { ValueKind: JsonValueKind.Undefined }:
                    throw new ArgumentException("the JsonElement is undefined (default)");
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                case JsonNode node:
                    node.WriteTo(writer);
                    break;
                case JsonDocument document:
                    document.RootElement.WriteTo(writer);
                    break;
                default:
                    JsonSerializer.Serialize(writer, value, value.GetType(), SerializerOptions);
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"Parameter {index} of {method} ({value?.GetType().Name}) cannot be serialized to JSON: {e.Message}", nameof(value), e);
        }
    }
}
