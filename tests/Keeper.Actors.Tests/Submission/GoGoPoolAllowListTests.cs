using Keeper.Actors.Submission;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class GoGoPoolAllowListTests
{
    private static readonly Address Pool = Address.Parse("0x00000000000000000000000000000000000000d1");
    private static readonly Address Moved = Address.Parse("0x00000000000000000000000000000000000000d2");

    [Fact]
    public void Refusal_StartRewardsCycleOnTheRewardsPool_Null()
    {
        Assert.Null(new GoGoPoolAllowList(Pool).Refusal(Pool, RewardsPool.StartRewardsCycle(Pool).Data));
    }

    [Fact]
    public void Refusal_AnotherFunctionOrContract_NamesWhatIsAllowed()
    {
        var list = new GoGoPoolAllowList(Pool);

        var otherFunction = list.Refusal(Pool, Minipool.Dissolve(Pool).Data);
        var otherContract = list.Refusal(Moved, RewardsPool.StartRewardsCycle(Moved).Data);
        var noSelector = list.Refusal(Pool, [1, 2]);

        Assert.Contains("only startRewardsCycle()", otherFunction, StringComparison.Ordinal);
        Assert.Contains($"is not GoGoPool's RewardsPool ({Pool})", otherContract, StringComparison.Ordinal);
        Assert.Contains("selector is missing", noSelector, StringComparison.Ordinal);
    }

    [Fact]
    public void UseRewardsPool_AnUpgrade_MovesTheAllowedCall()
    {
        var list = new GoGoPoolAllowList(Pool);

        list.UseRewardsPool(Moved);

        Assert.Equal(Moved, list.RewardsPool);
        Assert.Null(list.Refusal(Moved, RewardsPool.StartRewardsCycle(Moved).Data));
        Assert.NotNull(list.Refusal(Pool, RewardsPool.StartRewardsCycle(Pool).Data));
    }
}
