namespace Keeper.Actors.Submission;

/// <summary>The answer of an <see cref="IResendGuard"/>.</summary>
/// <param name="Kind">Send, cancel, or unknown for now.</param>
/// <param name="Reason">Why, for the log.</param>
public sealed record ResendVerdict(ResendVerdictKind Kind, string Reason)
{
    /// <summary>Still ours: send it again.</summary>
    public static ResendVerdict Send { get; } = new(ResendVerdictKind.Send, "the claim is ours and open, and the call would succeed");

    /// <summary>No longer ours (done by another, or the claim passed on): fill the nonce with a self-transfer.</summary>
    public static ResendVerdict Cancel(string reason) => new(ResendVerdictKind.Cancel, reason);

    /// <summary>The store or the node did not answer: send nothing now, ask again later.</summary>
    public static ResendVerdict Unknown(string reason) => new(ResendVerdictKind.Unknown, reason);
}
