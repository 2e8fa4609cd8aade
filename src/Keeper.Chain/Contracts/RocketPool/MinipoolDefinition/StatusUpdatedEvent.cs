using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;

/// <summary><c>StatusUpdated(uint8 indexed status, uint256 time)</c> from a minipool.</summary>
[Event("StatusUpdated")]
public sealed class StatusUpdatedEvent : IEventDTO
{
    /// <summary>The new status (see <see cref="MinipoolStatus"/>).</summary>
    [Parameter("uint8", "status", 1, true)]
    public byte Status { get; set; }

    /// <summary>The block timestamp: the minipool's new status time.</summary>
    [Parameter("uint256", "time", 2, false)]
    public ulong Time { get; set; }
}
