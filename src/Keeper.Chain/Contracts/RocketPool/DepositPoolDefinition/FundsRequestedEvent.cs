using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.DepositPoolDefinition;

/// <summary><c>FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time)</c>.</summary>
[Event("FundsRequested")]
public sealed class FundsRequestedEvent : IEventDTO
{
    /// <summary>The megapool.</summary>
    [Parameter("address", "receiver", 1, true)]
    public string Receiver { get; set; } = "";

    /// <summary>The megapool-local validator id.</summary>
    [Parameter("uint256", "validatorId", 2, false)]
    public uint ValidatorId { get; set; }

    /// <summary>Wei requested.</summary>
    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Whether the express queue was used.</summary>
    [Parameter("bool", "expressQueue", 4, false)]
    public bool ExpressQueue { get; set; }

    /// <summary>The block timestamp.</summary>
    [Parameter("uint256", "time", 5, false)]
    public ulong Time { get; set; }
}
