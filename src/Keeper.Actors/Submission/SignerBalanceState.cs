namespace Keeper.Actors.Submission;

/// <summary>What the signing account's balance means for the node.</summary>
public enum SignerBalanceState
{
    /// <summary>Not read yet (the node did not answer since start).</summary>
    Unknown,

    /// <summary>At or above the configured floor.</summary>
    Ok,

    /// <summary>Above zero but below the configured floor: top it up before it runs out.</summary>
    BelowFloor,

    /// <summary>Zero: no transaction can be paid for; the submitter sends nothing.</summary>
    Zero,
}
