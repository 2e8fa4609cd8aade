namespace Keeper.Actors.Gate.Claims;

/// <summary>Thrown when <c>IClaimStore.UpdateAsync</c> may not change the claim; nothing was written.</summary>
public sealed class ClaimUpdateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the update was refused.</param>
    /// <param name="taskKey">The claim's task.</param>
    /// <param name="window">The claim's window.</param>
    /// <param name="memberId">The member that tried to update.</param>
    /// <param name="current">The claim as stored; null when there is none.</param>
    public ClaimUpdateException(ClaimUpdateError error, string taskKey, long window, string memberId, Claim? current)
        : base(Describe(error, taskKey, window, memberId, current))
    {
        Error = error;
        TaskKey = taskKey;
        Window = window;
        MemberId = memberId;
        Current = current;
    }

    /// <summary>Why the update was refused.</summary>
    public ClaimUpdateError Error { get; }

    /// <summary>The claim's task.</summary>
    public string TaskKey { get; }

    /// <summary>The claim's window.</summary>
    public long Window { get; }

    /// <summary>The member that tried to update.</summary>
    public string MemberId { get; }

    /// <summary>The claim as stored, or null when there is none.</summary>
    public Claim? Current { get; }

    private static string Describe(ClaimUpdateError error, string taskKey, long window, string memberId, Claim? current) => error switch
    {
        ClaimUpdateError.NotFound => $"There is no claim for task '{taskKey}' window {window}, so member '{memberId}' cannot update it; claim it first.",
        ClaimUpdateError.NotOwner => $"The claim for task '{taskKey}' window {window} belongs to member '{current?.MemberId}', not '{memberId}'; "
            + "only the owner may change it.",
        _ => $"The claim for task '{taskKey}' window {window} is already final ({current?.State}, tx {current?.TxHash?.ToString() ?? "none"}); "
            + "a final claim does not change.",
    };
}
