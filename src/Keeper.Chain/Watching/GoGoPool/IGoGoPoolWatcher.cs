using Keeper.Chain.Eth;

namespace Keeper.Chain.Watching.GoGoPool;

/// <summary>Follows one GoGoPool deployment; the actors see the chain only through this. Not thread-safe: one owner polls it.</summary>
public interface IGoGoPoolWatcher
{
    /// <summary>The last block fully reported, or null before the first poll.</summary>
    BlockHeader? Head { get; }

    /// <summary>The chain's tip as last seen, or null before the first poll.</summary>
    ulong? ChainTip { get; }

    /// <summary>
    /// Polls once: the first poll cold-starts (settings, rewards cycle, every minipool, at one block); later polls report
    /// what changed since, in chain order, ending with <see cref="GoGoHeadAdvanced"/> when the head moved; empty when
    /// nothing did.
    /// </summary>
    Task<IReadOnlyList<GoGoPoolEvent>> PollAsync(CancellationToken cancellationToken);
}
