using System.Numerics;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Something the keeper may do from chain time <see cref="DueAt"/> on: the first block whose timestamp is at least
/// <see cref="DueAt"/> is the first block in which the action is valid.
/// </summary>
/// <param name="Key">The canonical task key (see <see cref="TaskKeys"/>), the same on every keeper of a cluster.</param>
/// <param name="Kind">The action.</param>
/// <param name="Target">The megapool or minipool.</param>
/// <param name="ValidatorId">The megapool validator id, or null for a minipool.</param>
/// <param name="DueAt">The earliest block timestamp at which the action is valid.</param>
/// <param name="Deadline">For windows that close, the last timestamp at which acting is still on time; otherwise null.</param>
/// <param name="Reward">
/// What the contract pays whoever acts, in wei (zero on the live network); for an <paramref name="Own"/> exit report, the late
/// fine it saves the operator.
/// </param>
/// <param name="Proof">For a proof duty, the manager call to build with fresh beacon proofs just before sending; null otherwise.</param>
/// <param name="Own">
/// The signing operator's own duty (keeper.own): this node acts in every window of it, not only in its round-robin turns,
/// since no other member knows it is due so early. The task key is the one every member derives, so the claim store still
/// lets exactly one member send for it.
/// </param>
public sealed record Duty(
    string Key, DutyKind Kind, Address Target, uint? ValidatorId, ulong DueAt, ulong? Deadline = null, BigInteger Reward = default, ProofCallRequest? Proof = null,
    bool Own = false);
