using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary>A per-validator event of a megapool: <c>(validatorId indexed, uint256 time)</c>.</summary>
public interface IMegapoolValidatorEvent : IEventDTO
{
    /// <summary>The megapool-local validator id.</summary>
    uint ValidatorId { get; }

    /// <summary>The block timestamp the contract recorded.</summary>
    ulong Time { get; }
}
