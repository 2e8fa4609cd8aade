namespace Keeper.Actors.Gate.Claims;

/// <summary>The answer of <see cref="IClaimStore.TryClaimAsync"/>.</summary>
/// <param name="Outcome">Whether the claim was stored, and if not, why.</param>
/// <param name="Claim">The claim as stored when <see cref="ClaimOutcome.Claimed"/>; otherwise the existing claim that blocked it.</param>
public sealed record ClaimResult(ClaimOutcome Outcome, Claim Claim)
{
    /// <summary>True when the caller now holds the claim.</summary>
    public bool IsClaimed => Outcome == ClaimOutcome.Claimed;
}
