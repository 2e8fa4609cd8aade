namespace Keeper.Chain.Beacon;

/// <summary>
/// One attempt failed: the retry loop of <see cref="BeaconClient"/> catches it and tries again, possibly elsewhere,
/// unless <see cref="IsFinal"/>. It never escapes the client.
/// </summary>
internal sealed class BeaconAttemptException : Exception
{
    public BeaconAttemptException(
        BeaconFailureKind kind, string reason, string? field = null, int? statusCode = null, DateTimeOffset? retryNotBefore = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        Kind = kind;
        Field = field;
        StatusCode = statusCode;
        RetryNotBefore = retryNotBefore;
    }

    public BeaconFailureKind Kind { get; }

    public string? Field { get; }

    public int? StatusCode { get; }

    /// <summary>When the endpoint asked not to be called again before (from <c>Retry-After</c>), or null.</summary>
    public DateTimeOffset? RetryNotBefore { get; }

    /// <summary>A refusal is the node's considered answer, and an unsupported fork stays unsupported: another attempt would get the same.</summary>
    public bool IsFinal => Kind is BeaconFailureKind.Refused or BeaconFailureKind.Unsupported;

    /// <summary>A malformed answer at <paramref name="field"/>.</summary>
    public static BeaconAttemptException Malformed(string field, string problem) =>
        new(BeaconFailureKind.Malformed, $"malformed answer: field {field} {problem}", field);
}
