using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;

namespace Keeper.Host.GoGoPool;

/// <summary>What the node found on GoGoPool's chain before its actors start.</summary>
/// <param name="ChainId">The chain's id, as configured and answered.</param>
/// <param name="Genesis">The hash of its block 0.</param>
/// <param name="Deployment">The contracts resolved from Storage.</param>
public sealed record GoGoPoolPrepared(ulong ChainId, Hash32 Genesis, GoGoPoolDeployment Deployment)
{
    /// <summary>The scope of this chain's submitter journal (<see cref="Keeper.Actors.Submission.SubmitterOptions.JournalScope"/>).</summary>
    public string JournalScope => $"gogopool-{ChainId}";
}
