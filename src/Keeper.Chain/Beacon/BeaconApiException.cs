namespace Keeper.Chain.Beacon;

/// <summary>
/// A beacon API call failed. The message names the API path, the endpoint (redacted to <c>scheme://host:port</c>),
/// and for a malformed answer the offending field, such as <c>data[3].validator.withdrawable_epoch</c>.
/// </summary>
public sealed class BeaconApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why the call failed.</param>
    /// <param name="path">The API path, such as <c>/eth/v1/beacon/genesis</c> (without the endpoint's base path or query).</param>
    /// <param name="message">The full message.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="field">The malformed field's JSON path, or null.</param>
    /// <param name="statusCode">The HTTP status of the last answer, or null when there was none.</param>
    /// <param name="innerException">The last underlying failure, or null.</param>
    public BeaconApiException(
        BeaconFailureKind kind, string path, string message, int attempts, string? field = null, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Path = path;
        Attempts = attempts;
        Field = field;
        StatusCode = statusCode;
    }

    /// <summary>Why the call failed.</summary>
    public BeaconFailureKind Kind { get; }

    /// <summary>The API path, such as <c>/eth/v1/beacon/states/head/validators</c>.</summary>
    public string Path { get; }

    /// <summary>How many attempts were made across all endpoints.</summary>
    public int Attempts { get; }

    /// <summary>For <see cref="BeaconFailureKind.Malformed"/>: the JSON path of the offending field (<c>$</c> for the whole body).</summary>
    public string? Field { get; }

    /// <summary>The HTTP status of the last answer, or null when the last attempt got none.</summary>
    public int? StatusCode { get; }
}
