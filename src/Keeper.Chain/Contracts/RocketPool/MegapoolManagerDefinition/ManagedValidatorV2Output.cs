using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>The answer of the manager's <c>getValidatorInfo(uint256)</c> in the V2 layout.</summary>
[FunctionOutput]
public sealed class ManagedValidatorV2Output : ManagedValidatorFields
{
    /// <summary>The validator's record.</summary>
    [Parameter("tuple", "", 2)]
    public ValidatorInfoV2 Info { get; set; } = new();
}
