using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate.Claims;

/// <summary>A member's claim on one window of a task: "I am sending this action in my window".</summary>
/// <param name="TaskKey">The task's canonical key, e.g. <c>dissolve:megapool:0xabc…:7</c>. Not empty; at most 200 characters.</param>
/// <param name="Window">The window index <c>k</c> the claim is for; at least 0.</param>
/// <param name="MemberId">The claiming member (its membership id). Not empty; at most 200 characters.</param>
/// <param name="TxHash">The transaction's hash once sent; null before.</param>
/// <param name="State">Where the transaction is.</param>
/// <param name="Created">When the claim was made (UTC, from the claiming node's clock).</param>
/// <param name="Updated">When the claim last changed (UTC, from the updating node's clock).</param>
/// <param name="FenceUntil">
/// For a successful mined claim, the last block at which its member still watches the transaction for a reorg: until a
/// claimer's head passes it, the claim blocks the task for everyone (only its member acts, by re-opening it). Null
/// otherwise, and once a claimer has lifted the expired fence.
/// </param>
public sealed record Claim(
    string TaskKey, long Window, string MemberId, Hash32? TxHash, ClaimState State, DateTimeOffset Created, DateTimeOffset Updated, ulong? FenceUntil = null);
