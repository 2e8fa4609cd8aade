namespace Keeper.Actors.Submission;

/// <summary>
/// A submitter's journal holds an event this version cannot read (unknown manifest, malformed payload) or events that
/// contradict each other. The submitter refuses to sign anything rather than guess its nonces.
/// </summary>
public sealed class SubmissionJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubmissionJournalException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
