using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>dissolveValidator(uint32)</c>: the keeper's action once a prestaked validator's deadline has passed.</summary>
[Function("dissolveValidator")]
public sealed class DissolveValidatorFunction : FunctionMessage
{
    /// <summary>The megapool-local validator id.</summary>
    [Parameter("uint32", "validatorId", 1)]
    public uint ValidatorId { get; set; }
}
