using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Calls.Multicall3Definition;

/// <summary><c>aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[])</c>.</summary>
[Function("aggregate3", typeof(Aggregate3Output))]
public sealed class Aggregate3Function : FunctionMessage
{
    /// <summary>The reads.</summary>
    [Parameter("tuple[]", "calls", 1)]
    public List<Call3> Calls { get; set; } = [];
}
