using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary>The shape of every megapool validator event but <c>MegapoolValidatorExited</c>: <c>(uint256 indexed validatorId, uint256 time)</c>.</summary>
public abstract class MegapoolValidatorEvent : IMegapoolValidatorEvent
{
    /// <inheritdoc />
    [Parameter("uint256", "validatorId", 1, true)]
    public uint ValidatorId { get; set; }

    /// <inheritdoc />
    [Parameter("uint256", "time", 2, false)]
    public ulong Time { get; set; }
}
