using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;

/// <summary>The shape of <c>MinipoolCreated</c> and <c>MinipoolDestroyed</c>: <c>(address indexed minipool, address indexed node, uint256 time)</c>.</summary>
public abstract class MinipoolLifecycleEvent : IEventDTO
{
    /// <summary>The minipool.</summary>
    [Parameter("address", "minipool", 1, true)]
    public string Minipool { get; set; } = "";

    /// <summary>Its node operator.</summary>
    [Parameter("address", "node", 2, true)]
    public string Node { get; set; } = "";

    /// <summary>The block timestamp.</summary>
    [Parameter("uint256", "time", 3, false)]
    public ulong Time { get; set; }
}
