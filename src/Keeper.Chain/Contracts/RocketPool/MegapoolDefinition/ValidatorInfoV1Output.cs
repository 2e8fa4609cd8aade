using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary>The answer of the megapool's <c>getValidatorInfo(uint32)</c> in the V1 layout.</summary>
[FunctionOutput]
public sealed class ValidatorInfoV1Output : IFunctionOutputDTO
{
    /// <summary>The record.</summary>
    [Parameter("tuple", "", 1)]
    public ValidatorInfoV1 Info { get; set; } = new();
}
