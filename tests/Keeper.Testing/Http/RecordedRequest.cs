namespace Keeper.Testing.Http;

/// <summary>A request the <see cref="ScriptedHttpServer"/> received.</summary>
/// <param name="Number">1 for the first request the server received, 2 for the next, ...</param>
/// <param name="Method">The HTTP method, such as POST.</param>
/// <param name="PathAndQuery">The path and query string, such as <c>/v3/key</c>.</param>
/// <param name="Body">The request body as UTF-8 text.</param>
/// <param name="Headers">The request headers (names case-insensitive; repeated headers joined with commas).</param>
public sealed record RecordedRequest(int Number, string Method, string PathAndQuery, string Body, IReadOnlyDictionary<string, string> Headers);
