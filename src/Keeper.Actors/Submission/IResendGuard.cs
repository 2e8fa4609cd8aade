using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>
/// Decides whether an action the submitter journaled earlier may go out again (after a restart, or after a reorg undid
/// it): only while it is still this keeper's to send. Without a guard every unfinished action is re-broadcast as is.
/// </summary>
public interface IResendGuard
{
    /// <summary>Whether <paramref name="call"/> for <paramref name="taskKey"/> may be sent again at <paramref name="nextBlockTime"/>.</summary>
    Task<ResendVerdict> CheckAsync(string taskKey, ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken);
}
