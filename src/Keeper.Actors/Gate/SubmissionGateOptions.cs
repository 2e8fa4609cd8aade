using Keeper.Actors.Gate.Claims;
using Akka.Actor;
using Keeper.Actors.Submission;
using Keeper.Chain.Proving;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Gate;

/// <summary>What the gate needs.</summary>
/// <param name="Self">This node's signing address (its place in the round-robin).</param>
/// <param name="MemberId">This node's membership id (claims are recorded under it).</param>
/// <param name="WindowSeconds">The window length W, in seconds of chain time (a few slots).</param>
/// <param name="Claims">The claim store (SQLite alone, PostgreSQL in a cluster).</param>
/// <param name="Simulator">Runs calls as the next block would.</param>
/// <param name="Submitter">This node's submitter.</param>
/// <param name="Enabled">False for the ungated baseline (<c>--gate off</c>): every due task is sent by every node, without claims.</param>
/// <param name="WaitForMembership">True: submit nothing until the membership service has given a first view of the cluster.</param>
/// <param name="Proofs">Builds proof duties' calls (<c>notifyExit</c>, <c>dissolve</c>, <c>notifyFinalBalance</c>); null: proof duties are tracked, not acted on.</param>
/// <param name="AllowList">
/// What may be signed; the proof calls go to its resolved rocketMegapoolManager, which follows the manager across upgrades.
/// Needed with <paramref name="Proofs"/>.
/// </param>
/// <param name="ProofFreshnessSeconds">
/// How far ahead of the next block's time a built call's validity (<see cref="Keeper.Chain.Proving.ProvenCall.ValidUntil"/>)
/// must reach for it to be sent: a transaction that waits in the mempool past that time would revert, so the call is
/// rebuilt well before.
/// </param>
public sealed record SubmissionGateOptions(
    Address Self,
    string MemberId,
    ulong WindowSeconds,
    IClaimStore Claims,
    ICallSimulator Simulator,
    IActorRef Submitter,
    bool Enabled = true,
    bool WaitForMembership = false,
    IProofCallBuilder? Proofs = null,
    AllowList? AllowList = null,
    ulong ProofFreshnessSeconds = SubmissionGateOptions.DefaultProofFreshnessSeconds)
{
    /// <summary>The default of <see cref="ProofFreshnessSeconds"/>: ten minutes, some fifty blocks of margin.</summary>
    public const ulong DefaultProofFreshnessSeconds = 600;
}
