using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>getMinipool(int256 index) returns (Minipool)</c>: the record at an index.</summary>
[Function("getMinipool", typeof(MinipoolOutput))]
public sealed class GetMinipoolFunction : FunctionMessage
{
    /// <summary>The index (from <see cref="GetIndexOfFunction"/>, or 0 to count - 1).</summary>
    [Parameter("int256", "index", 1)]
    public long Index { get; set; }
}
