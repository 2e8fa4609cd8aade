using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>getIndexOf(address nodeID) returns (int256)</c>: the index of a node ID's minipool, -1 when it has none.</summary>
[Function("getIndexOf", "int256")]
public sealed class GetIndexOfFunction : FunctionMessage
{
    /// <summary>The 20-byte Avalanche node ID.</summary>
    [Parameter("address", "nodeID", 1)]
    public string NodeId { get; set; } = "";
}
