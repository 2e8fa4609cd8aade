using System.Text;

namespace Keeper.Chain.Beacon;

/// <summary>Builds request URLs under a configured base URL, which may carry a path (an API key) and a query.</summary>
internal static class BeaconUrl
{
    /// <summary>
    /// Appends <paramref name="path"/> (such as <c>/eth/v1/beacon/genesis</c>) to the base path and
    /// <paramref name="query"/> (already escaped, or null) to the base query.
    /// </summary>
    public static Uri Build(Uri baseUri, string path, string? query)
    {
        var builder = new UriBuilder(baseUri) { Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + path;
        var baseQuery = builder.Query.TrimStart('?');
        builder.Query = (baseQuery.Length, query) switch
        {
            (0, null) => string.Empty,
            (0, _) => query,
            (_, null) => baseQuery,
            _ => new StringBuilder(baseQuery).Append('&').Append(query).ToString(),
        };
        return builder.Uri;
    }

    /// <summary>
    /// Whether <paramref name="id"/> is a state or block id the API accepts: a named one, a decimal slot, or a
    /// <c>0x</c> root. Checked before use so that nothing else reaches the URL path.
    /// </summary>
    public static bool IsValidStateOrBlockId(string? id, bool allowJustified) =>
        id switch
        {
            null or "" => false,
            "head" or "genesis" or "finalized" => true,
            "justified" => allowJustified,
            _ when id.StartsWith("0x", StringComparison.Ordinal) => id.Length == 66 && id.Skip(2).All(char.IsAsciiHexDigit),
            _ => id.Length <= 20 && id.All(char.IsAsciiDigit) && ulong.TryParse(id, out _),
        };

    /// <summary>Whether the id names a state every synced node has (so a 404 cannot mean "no such state").</summary>
    public static bool IsNamed(string id) => id is "head" or "genesis" or "finalized" or "justified";
}
