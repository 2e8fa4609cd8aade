using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>MinipoolStatusChanged(address indexed nodeID, MinipoolStatus indexed status)</c>: the enum is a uint8 in the signature.</summary>
[Event("MinipoolStatusChanged")]
public sealed class MinipoolStatusChangedEvent : IEventDTO
{
    /// <summary>The minipool's node ID.</summary>
    [Parameter("address", "nodeID", 1, true)]
    public string NodeId { get; set; } = "";

    /// <summary>The new status (<see cref="GoGoMinipoolStatus"/>).</summary>
    [Parameter("uint8", "status", 2, true)]
    public byte Status { get; set; }
}
