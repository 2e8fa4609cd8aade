using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>The answer of the manager's <c>getValidatorInfo(uint256)</c> in the V1 layout.</summary>
[FunctionOutput]
public sealed class ManagedValidatorV1Output : ManagedValidatorFields
{
    /// <summary>The validator's record.</summary>
    [Parameter("tuple", "", 2)]
    public ValidatorInfoV1 Info { get; set; } = new();
}
