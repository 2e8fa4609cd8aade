namespace Keeper.Testing.Http;

/// <summary>An HTTP response for the <see cref="ScriptedHttpServer"/> to send.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body, sent as UTF-8.</param>
public sealed record ScriptedResponse(int Status, string Body)
{
    /// <summary>Response headers, such as <c>Retry-After</c>. Content-Type defaults to application/json.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A binary body sent instead of <see cref="Body"/> (such as SSZ), when set.</summary>
    public byte[]? BodyBytes { get; init; }

    /// <summary>Sends the body chunked, without a Content-Length, so the client cannot know its size in advance.</summary>
    public bool Chunked { get; init; }
}
