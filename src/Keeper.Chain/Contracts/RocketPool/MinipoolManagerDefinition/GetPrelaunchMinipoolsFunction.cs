using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;

/// <summary><c>getPrelaunchMinipools(uint256 offset, uint256 limit) returns (address[])</c> (limit 0: to the end).</summary>
[Function("getPrelaunchMinipools", "address[]")]
public sealed class GetPrelaunchMinipoolsFunction : FunctionMessage
{
    /// <summary>The first index of the window.</summary>
    [Parameter("uint256", "offset", 1)]
    public BigInteger Offset { get; set; }

    /// <summary>The window's size; 0 for all.</summary>
    [Parameter("uint256", "limit", 2)]
    public BigInteger Limit { get; set; }
}
