namespace Keeper.Actors.Submission;

/// <summary>What <c>eth_sendRawTransaction</c> said about one version.</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Message">The node's message or the transport error, when not accepted.</param>
internal sealed record SendResult(SendResultKind Kind, string? Message)
{
    /// <summary>The node holds it (accepted now, or it already had this nonce): look for the receipt.</summary>
    public bool InNodeHands => Kind is SendResultKind.Accepted or SendResultKind.AlreadySubmitted;
}
