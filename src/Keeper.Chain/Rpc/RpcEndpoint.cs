using System.Net.Http.Headers;
using System.Text;

namespace Keeper.Chain.Rpc;

/// <summary>
/// One configured node endpoint: the URL to send to, the credentials taken out of it, and a redacted name that is
/// safe to print. Node URLs often carry secrets (an API key in the path or query, user-info), so only
/// <see cref="DisplayName"/> may appear in exceptions and logs.
/// </summary>
internal sealed class RpcEndpoint
{
    private readonly string[] _secrets;

    public RpcEndpoint(int index, Uri uri)
    {
        Index = index;
        DisplayName = $"#{index} {Redact(uri)}";

        // HttpClient does not turn user-info into credentials, so it is sent as a Basic authorization header instead
        // of being left in the URL.
        if (uri.UserInfo.Length > 0)
        {
            var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
            RequestUri = builder.Uri;
            var credentials = Uri.UnescapeDataString(uri.UserInfo);
            Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            RequestUri = uri;
        }

        var password = uri.UserInfo.Split(':', 2) is [_, var p] ? p : string.Empty;
        _secrets = new[] { uri.OriginalString, uri.AbsoluteUri, uri.UserInfo, Uri.UnescapeDataString(uri.UserInfo), password, Uri.UnescapeDataString(password), uri.PathAndQuery }
            .Where(s => s.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>The position of the endpoint in the configured list.</summary>
    public int Index { get; }

    /// <summary>The URL requests go to (user-info removed).</summary>
    public Uri RequestUri { get; }

    /// <summary>The Basic authorization built from the URL's user-info, or null.</summary>
    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>The index and <c>scheme://host:port</c>: safe to show.</summary>
    public string DisplayName { get; }

    /// <summary>Returns <c>scheme://host:port</c> of a URL: no user-info, path or query.</summary>
    public static string Redact(Uri uri) => $"{uri.Scheme}://{uri.Host}:{uri.Port}";

    /// <summary>Removes any part of this endpoint's URL that may carry a secret from a text, such as an exception message.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    public override string ToString() => DisplayName;
}
