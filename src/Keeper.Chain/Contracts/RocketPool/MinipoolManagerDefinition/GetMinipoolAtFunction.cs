using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;

/// <summary><c>getMinipoolAt(uint256) returns (address)</c>: the minipool at an index.</summary>
[Function("getMinipoolAt", "address")]
public sealed class GetMinipoolAtFunction : FunctionMessage
{
    /// <summary>The index.</summary>
    [Parameter("uint256", "index", 1)]
    public BigInteger Index { get; set; }
}
