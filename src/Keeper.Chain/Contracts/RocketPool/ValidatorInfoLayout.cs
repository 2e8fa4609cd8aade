namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>The two <c>ValidatorInfo</c> layouts deployed megapool delegates have used.</summary>
public enum ValidatorInfoLayout
{
    /// <summary>Delegate v1: 16 fields, ending <c>locked, validatorIndex, exitBalance, withdrawableEpoch, lockedSlot</c>.</summary>
    V1 = 1,

    /// <summary>Delegate v2: 14 fields, ending <c>locked, exitBalance, lockedTime</c>.</summary>
    V2 = 2,
}
