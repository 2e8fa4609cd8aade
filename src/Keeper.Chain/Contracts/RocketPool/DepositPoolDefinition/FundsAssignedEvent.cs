using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.DepositPoolDefinition;

/// <summary><c>FundsAssigned(address indexed receiver, uint256 amount, uint256 time)</c>.</summary>
[Event("FundsAssigned")]
public sealed class FundsAssignedEvent : IEventDTO
{
    /// <summary>The megapool.</summary>
    [Parameter("address", "receiver", 1, true)]
    public string Receiver { get; set; } = "";

    /// <summary>Wei assigned.</summary>
    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }

    /// <summary>The block timestamp.</summary>
    [Parameter("uint256", "time", 3, false)]
    public ulong Time { get; set; }
}
