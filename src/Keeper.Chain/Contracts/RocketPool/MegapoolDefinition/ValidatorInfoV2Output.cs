using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary>The answer of the megapool's <c>getValidatorInfo(uint32)</c> in the V2 layout.</summary>
[FunctionOutput]
public sealed class ValidatorInfoV2Output : IFunctionOutputDTO
{
    /// <summary>The record.</summary>
    [Parameter("tuple", "", 1)]
    public ValidatorInfoV2 Info { get; set; } = new();
}
