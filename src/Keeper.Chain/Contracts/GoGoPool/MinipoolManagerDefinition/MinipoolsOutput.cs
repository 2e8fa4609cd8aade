using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary>The answer of <c>getMinipools(uint8,uint256,uint256)</c>: the matching records in index order.</summary>
[FunctionOutput]
public sealed class MinipoolsOutput : IFunctionOutputDTO
{
    /// <summary>The records.</summary>
    [Parameter("tuple[]", "minipools", 1)]
    public List<MinipoolStruct> Minipools { get; set; } = [];
}
