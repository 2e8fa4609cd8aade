namespace Keeper.Actors.Submission;

/// <summary>What to do with a journaled action that would go out again.</summary>
public enum ResendVerdictKind
{
    /// <summary>Send the same bytes again.</summary>
    Send,

    /// <summary>Replace it with a zero-value self-transfer at the same nonce.</summary>
    Cancel,

    /// <summary>Send nothing now; decide on a later head.</summary>
    Unknown,
}
