using System.Runtime.CompilerServices;
using Keeper.Chain.Primitives;
using Address = Keeper.Chain.Primitives.Address;
using GoGoRewardsPool = Keeper.Chain.Contracts.GoGoPool.RewardsPool;

namespace Keeper.Actors.Submission;

/// <summary>
/// What the GoGoPool chain's submitter may sign: <c>startRewardsCycle()</c> on the RewardsPool resolved from Storage, and
/// nothing else. An upgrade re-registers RewardsPool at a new address; the watcher's reads carry the address in use and
/// move the list with it (<see cref="UseRewardsPool"/>), so the old contract is no longer signed for. The submitter reads
/// it from another thread: the address is swapped as one boxed value.
/// </summary>
/// <param name="rewardsPool">RewardsPool as resolved at start.</param>
public sealed class GoGoPoolAllowList(Address rewardsPool) : ICallAllowList
{
    private static readonly string StartSelector = Hex.Encode(GoGoRewardsPool.StartRewardsCycleSelector);
    private StrongBox<Address> _rewardsPool = new(rewardsPool);

    /// <summary>The RewardsPool currently allowed.</summary>
    public Address RewardsPool => Volatile.Read(ref _rewardsPool).Value;

    /// <summary>Moves the allowed call to <paramref name="rewardsPool"/>.</summary>
    public void UseRewardsPool(Address rewardsPool) => Volatile.Write(ref _rewardsPool, new StrongBox<Address>(rewardsPool));

    /// <inheritdoc />
    public string? Refusal(Address to, ReadOnlySpan<byte> data)
    {
        var allowed = RewardsPool;
        if (to != allowed)
        {
            return $"{to} is not GoGoPool's RewardsPool ({allowed}), so no call to it is signed on the GoGoPool chain";
        }

        return data.Length >= 4 && Hex.Encode(data[..4]) == StartSelector
            ? null
            : $"only startRewardsCycle() ({StartSelector}) is signed for RewardsPool {allowed}; the call's selector is {(data.Length >= 4 ? Hex.Encode(data[..4]) : "missing")}";
    }
}
