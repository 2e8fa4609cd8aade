using Akka.Actor;

namespace Keeper.Actors.Submission;

/// <summary>
/// What the submitter notes about one live nonce beyond the journal: when its latest version went out, whether a
/// receipt was seen, who wants its outcome. Lost on restart on purpose: the journal holds everything needed to act
/// safely, and these only time bumps and re-broadcasts.
/// </summary>
internal sealed class SubmissionTracking
{
    /// <summary>The head at which the latest version was sent (bumps count blocks from here).</summary>
    public ulong? SentAtHead { get; set; }

    /// <summary>The block of a receipt seen but not yet confirmed; when it disappears the transaction is re-broadcast.</summary>
    public ulong? SeenInBlock { get; set; }

    /// <summary>The head at which the account's mined nonce was first seen past this one with no receipt of ours.</summary>
    public ulong? ForeignSince { get; set; }

    /// <summary>True after <see cref="AbandonAction"/> until a cancellation version is journaled.</summary>
    public bool CancelWanted { get; set; }

    /// <summary>Who receives the transaction's outcomes (the requester, and whoever re-asked for the task).</summary>
    public HashSet<IActorRef> Recipients { get; } = [];
}
