namespace Keeper.Actors.Gate.Claims;

/// <summary>Argument checks shared by the claim stores.</summary>
internal static class ClaimGuards
{
    public const int MaxTextLength = 200;

    public static void Claim(Claim claim, string paramName)
    {
        ArgumentNullException.ThrowIfNull(claim, paramName);
        Key(claim.TaskKey, claim.Window, claim.MemberId, paramName);
        if (claim.State != ClaimState.Pending)
        {
            throw new ArgumentException(
                $"A new claim must be pending (the holder is about to send); got {claim.State} for task '{claim.TaskKey}' window {claim.Window}.",
                paramName);
        }

        if (claim.FenceUntil is not null)
        {
            throw new ArgumentException(
                $"A new claim has no reorg fence (only a mined claim gets one); got {claim.FenceUntil} for task '{claim.TaskKey}' window {claim.Window}.",
                paramName);
        }
    }

    public static void Key(string taskKey, long window, string memberId, string paramName)
    {
        Text(taskKey, "task key", paramName);
        Text(memberId, "member id", paramName);
        ArgumentOutOfRangeException.ThrowIfNegative(window, paramName);
    }

    public static void TaskKey(string taskKey, string paramName) => Text(taskKey, "task key", paramName);

    public static void State(ClaimState state, string paramName)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(paramName, state, "Not a claim state.");
        }
    }

    public static void Fence(ClaimState state, ulong? fenceUntil, string paramName)
    {
        if (fenceUntil is not null && state != ClaimState.Mined)
        {
            throw new ArgumentException(
                $"Only a mined claim gets a reorg fence; got fence block {fenceUntil} with state {state}. Pass null unless the transaction was mined successfully.",
                paramName);
        }
    }

    private static void Text(string value, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length == 0 || value.Length > MaxTextLength)
        {
            throw new ArgumentException($"The {what} must be 1 to {MaxTextLength} characters long; got {value.Length}.", paramName);
        }
    }
}
