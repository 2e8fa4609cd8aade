using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>
/// <c>getValidatorInfo(uint256)</c>: one entry of the global index, <c>(bytes pubkey, ValidatorInfo info, address megapool,
/// uint32 validatorId)</c> (declared in the v2 layout; either layout is decoded).
/// </summary>
[Function("getValidatorInfo", typeof(ManagedValidatorV2Output))]
public sealed class GetValidatorInfoFunction : FunctionMessage
{
    /// <summary>The position in the global index.</summary>
    [Parameter("uint256", "index", 1)]
    public BigInteger Index { get; set; }
}
