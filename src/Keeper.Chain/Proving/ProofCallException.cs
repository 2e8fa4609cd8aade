namespace Keeper.Chain.Proving;

/// <summary>
/// A requested proof call cannot be built from the beacon chain as it stands: the message names the request, what is
/// wrong and what to do (wait for more blocks, look the withdrawal up again, fix the node's spec). Retrying the same
/// request against the same proven slot cannot help; a later slot may.
/// </summary>
public sealed class ProofCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="request">The request that cannot be built.</param>
    /// <param name="message">What is wrong and how to fix it; the request is prefixed.</param>
    /// <param name="innerException">The proof failure behind it, or null.</param>
    public ProofCallException(ProofCallRequest request, string message, Exception? innerException = null)
        : base($"Cannot build {request.Kind} for validator {request.ValidatorId} (beacon index {request.ValidatorIndex}) of megapool {request.Megapool}: {message}", innerException)
    {
        Request = request;
    }

    /// <summary>The request that cannot be built.</summary>
    public ProofCallRequest Request { get; }
}
