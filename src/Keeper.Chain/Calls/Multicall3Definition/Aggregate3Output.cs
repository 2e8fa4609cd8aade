using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Calls.Multicall3Definition;

/// <summary>The answer of <c>aggregate3</c>: one result per call, in order.</summary>
[FunctionOutput]
public sealed class Aggregate3Output : IFunctionOutputDTO
{
    /// <summary>The results.</summary>
    [Parameter("tuple[]", "returnData", 1)]
    public List<Call3Result> ReturnData { get; set; } = [];
}
