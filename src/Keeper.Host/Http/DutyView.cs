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
/// <param name="BlocksUntilDue">How many blocks from the head its first valid block is (1: the next block), or null before the first head.</param>
/// <param name="Holder">Once due, the signing address of the member whose turn it is at the next block (in this node's view); else null.</param>
public sealed record DutyView(
    string Key, string Kind, string Target, uint? ValidatorId, ulong DueAt, long? SecondsUntilDue, bool Due, ulong? Deadline, string RewardWei, string? GateState,
    long? BlocksUntilDue = null, string? Holder = null);
