using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolFactoryDefinition;

/// <summary><c>getExpectedAddress(address _nodeAddress) returns (address)</c>: a node operator's megapool, known before it is deployed.</summary>
[Function("getExpectedAddress", "address")]
public sealed class GetExpectedAddressFunction : FunctionMessage
{
    /// <summary>The node operator.</summary>
    [Parameter("address", "_nodeAddress", 1)]
    public string NodeAddress { get; set; } = string.Empty;
}
