using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keeper.Host.Http;

/// <summary>The API's JSON conventions: camelCase names, enums as names.</summary>
public static class HttpJson
{
    /// <summary>The serializer options of every response.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
