using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>getMinipoolByNodeID(address nodeID) returns (Minipool)</c>: the record of a node ID; index -1 and zeros when it has none.</summary>
[Function("getMinipoolByNodeID", typeof(MinipoolOutput))]
public sealed class GetMinipoolByNodeIdFunction : FunctionMessage
{
    /// <summary>The 20-byte Avalanche node ID.</summary>
    [Parameter("address", "nodeID", 1)]
    public string NodeId { get; set; } = "";
}
