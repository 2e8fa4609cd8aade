namespace Keeper.Actors.Submission;

/// <summary>The verdicts of <see cref="SendResult"/>.</summary>
internal enum SendResultKind
{
    /// <summary>The node accepted the transaction.</summary>
    Accepted,

    /// <summary>The node already has a transaction with this nonce or hash, in its pool or mined.</summary>
    AlreadySubmitted,

    /// <summary>The node answered with another error: it did not take the transaction.</summary>
    Rejected,

    /// <summary>No answer (transport failure after retries): the transaction may or may not have arrived.</summary>
    Unknown,
}
