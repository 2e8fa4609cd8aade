using System.Text.RegularExpressions;

namespace Keeper.Host.Cli;

/// <summary>
/// Masks secrets in configuration values before they are printed: password-like keys, the password of a connection
/// string, and the parts of a URL that carry credentials (user-info, path and query: API keys live there).
/// </summary>
public static partial class SecretMask
{
    /// <summary>What a masked secret is printed as.</summary>
    public const string Mask = "****";

    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "private-key", "api-key", "apikey"];

    /// <summary>The value of <paramref name="key"/> safe to print.</summary>
    public static string Value(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return value;
        }

        var leaf = key[(key.LastIndexOf('.') + 1)..].ToLowerInvariant();
        var bracket = leaf.IndexOf('[', StringComparison.Ordinal);
        leaf = bracket >= 0 ? leaf[..bracket] : leaf;

        // password-file and password-env name where the secret is, not the secret.
        if (SecretWords.Any(w => leaf.Contains(w, StringComparison.Ordinal)) && !leaf.EndsWith("-file", StringComparison.Ordinal) && !leaf.EndsWith("-env", StringComparison.Ordinal))
        {
            return Mask;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss" or "postgres" or "postgresql")
        {
            return Url(uri);
        }

        return leaf.Contains("connection", StringComparison.Ordinal) ? ConnectionPassword().Replace(value, m => $"{m.Groups[1].Value}={Mask}") : value;
    }

    /// <summary>A URL with its user-info, path and query masked: <c>https://****@host:port/****?****</c>.</summary>
    public static string Url(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var userInfo = uri.UserInfo.Length > 0 ? Mask + "@" : string.Empty;
        var path = uri.AbsolutePath is "/" or "" ? string.Empty : "/" + Mask;
        var query = uri.Query.Length > 0 ? "?" + Mask : string.Empty;
        var fragment = uri.Fragment.Length > 0 ? "#" + Mask : string.Empty;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        return $"{uri.Scheme}://{userInfo}{host}:{uri.Port}{path}{query}{fragment}";
    }

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*(""[^""]*""|'[^']*'|[^;]*)")]
    private static partial Regex ConnectionPassword();
}
