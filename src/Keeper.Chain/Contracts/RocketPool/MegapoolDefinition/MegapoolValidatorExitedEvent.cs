using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>MegapoolValidatorExited(uint32 indexed validatorId, uint256 time)</c>: unlike the others, its id is a uint32.</summary>
[Event("MegapoolValidatorExited")]
public sealed class MegapoolValidatorExitedEvent : IMegapoolValidatorEvent
{
    /// <inheritdoc />
    [Parameter("uint32", "validatorId", 1, true)]
    public uint ValidatorId { get; set; }

    /// <inheritdoc />
    [Parameter("uint256", "time", 2, false)]
    public ulong Time { get; set; }
}
