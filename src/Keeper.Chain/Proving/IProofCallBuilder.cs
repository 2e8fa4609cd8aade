using Keeper.Chain.Primitives;

namespace Keeper.Chain.Proving;

/// <summary>
/// Builds megapool manager calls with fresh beacon proofs, and finds the withdrawals a final-balance proof needs.
/// Implemented over a Beacon API node; small enough to fake in actor tests.
/// </summary>
public interface IProofCallBuilder
{
    /// <summary>
    /// Builds the calls against the newest beacon block that has a child (its root is in EIP-4788 under the child's slot
    /// time). One state is fetched and one tree built per proven slot, whatever the number of requests.
    /// </summary>
    /// <param name="manager">The resolved rocketMegapoolManager.</param>
    /// <param name="requests">The calls to build.</param>
    /// <param name="executionHeadTime">
    /// The timestamp of the execution head the calls are built after. A beacon node that has not yet seen that head's
    /// slot is given a moment to catch up, so the proof is as recent as the chain allows; zero for no wait.
    /// </param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>One call per request, in order.</returns>
    Task<IReadOnlyList<ProvenCall>> BuildAsync(Address manager, IReadOnlyList<ProofCallRequest> requests, ulong executionHeadTime, CancellationToken cancellationToken);

    /// <summary>
    /// Looks for the final withdrawal of validator <paramref name="validatorIndex"/> (the first full withdrawal at or after
    /// its withdrawable epoch) in blocks from <paramref name="fromSlot"/> on; null when none is found up to the head.
    /// </summary>
    /// <param name="validatorIndex">The validator's registry index.</param>
    /// <param name="fromSlot">The first slot to look at (the withdrawable epoch's first slot).</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<WithdrawalLocation?> FindFinalWithdrawalAsync(ulong validatorIndex, ulong fromSlot, CancellationToken cancellationToken);
}
