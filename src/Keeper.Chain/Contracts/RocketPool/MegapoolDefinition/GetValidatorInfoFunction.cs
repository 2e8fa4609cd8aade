using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>getValidatorInfo(uint32)</c>: one validator's record (declared in the v2 layout; either layout is decoded).</summary>
[Function("getValidatorInfo", typeof(ValidatorInfoV2Output))]
public sealed class GetValidatorInfoFunction : FunctionMessage
{
    /// <summary>The megapool-local validator id.</summary>
    [Parameter("uint32", "validatorId", 1)]
    public uint ValidatorId { get; set; }
}
