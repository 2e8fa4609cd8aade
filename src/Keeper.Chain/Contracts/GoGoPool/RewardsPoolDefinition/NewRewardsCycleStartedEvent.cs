using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>NewRewardsCycleStarted(uint256 totalRewardsAmt)</c>, logged by <c>startRewardsCycle()</c> before the new cycle's inflation.</summary>
[Event("NewRewardsCycleStarted")]
public sealed class NewRewardsCycleStartedEvent : IEventDTO
{
    /// <summary>The GGP total recorded for the cycle that ends, in wei.</summary>
    [Parameter("uint256", "totalRewardsAmt", 1, false)]
    public BigInteger TotalRewardsAmt { get; set; }
}
