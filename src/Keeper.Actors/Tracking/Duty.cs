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
/// <param name="Reward">What the contract pays whoever acts, in wei (zero on the live network).</param>
/// <param name="Proof">For a proof duty, the manager call to build with fresh beacon proofs just before sending; null otherwise.</param>
public sealed record Duty(
    string Key, DutyKind Kind, Address Target, uint? ValidatorId, ulong DueAt, ulong? Deadline = null, BigInteger Reward = default, ProofCallRequest? Proof = null);
