namespace Keeper.Chain.Beacon;

/// <summary>Why a <see cref="BeaconApiException"/> was thrown.</summary>
public enum BeaconFailureKind
{
    /// <summary>
    /// No endpoint gave an answer within the retry budget: connection errors, timeouts, HTTP 429, 5xx, 401 or 403,
    /// or a body over the size limit.
    /// </summary>
    Unavailable,

    /// <summary>The last answer was malformed: not JSON, or a field missing, of the wrong type or out of range (see <see cref="BeaconApiException.Field"/>).</summary>
    Malformed,

    /// <summary>A node refused the request for good (HTTP 400, 404 for an unknown state or block, 414, ...): retrying cannot help.</summary>
    Refused,

    /// <summary>
    /// The node answered in a form this version of Keeper cannot read, such as an SSZ object of a fork it does not
    /// know (the <c>Eth-Consensus-Version</c> header names it): retrying cannot help; Keeper needs an update.
    /// </summary>
    Unsupported,
}
