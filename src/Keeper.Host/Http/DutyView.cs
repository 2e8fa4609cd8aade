namespace Keeper.Host.Http;

/// <summary>One duty.</summary>
/// <param name="Key">The canonical task key.</param>
/// <param name="Kind">The action (DissolveMegapoolValidator, DissolveMinipool, NotifyExit).</param>
/// <param name="Target">The megapool or minipool.</param>
/// <param name="ValidatorId">The megapool validator, or null for a minipool.</param>
/// <param name="DueAt">The first block timestamp at which the action is valid (unix seconds).</param>
/// <param name="SecondsUntilDue">DueAt minus the chain time (negative once due), or null before the first head.</param>
/// <param name="Due">Whether the scheduler has published it as due.</param>
/// <param name="Deadline">For windows that close, the last timestamp still on time.</param>
/// <param name="RewardWei">What the contract pays whoever acts, in wei.</param>
/// <param name="GateState">The gate's state for it once due (waiting for our turn, in flight), or null.</param>
public sealed record DutyView(
    string Key, string Kind, string Target, uint? ValidatorId, ulong DueAt, long? SecondsUntilDue, bool Due, ulong? Deadline, string RewardWei, string? GateState);
