using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolDebtIncreased(uint256 amount, uint256 time)</c>.</summary>
[Event("MegapoolDebtIncreased")]
public sealed class MegapoolDebtIncreasedEvent : IEventDTO
{
    /// <summary>Wei added to the debt.</summary>
    [Parameter("uint256", "amount", 1, false)]
    public BigInteger Amount { get; set; }

    /// <summary>The block timestamp.</summary>
    [Parameter("uint256", "time", 2, false)]
    public ulong Time { get; set; }
}
