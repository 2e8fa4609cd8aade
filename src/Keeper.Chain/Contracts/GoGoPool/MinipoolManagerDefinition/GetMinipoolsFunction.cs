using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>getMinipools(uint8 status, uint256 offset, uint256 limit) returns (Minipool[])</c>: the minipools in a status among indexes [offset, offset + limit) (limit 0: to the end).</summary>
[Function("getMinipools", typeof(MinipoolsOutput))]
public sealed class GetMinipoolsFunction : FunctionMessage
{
    /// <summary>The status to filter on (<see cref="GoGoMinipoolStatus"/>; an enum is a uint8 in the ABI).</summary>
    [Parameter("uint8", "status", 1)]
    public byte Status { get; set; }

    /// <summary>The first index scanned.</summary>
    [Parameter("uint256", "offset", 2)]
    public BigInteger Offset { get; set; }

    /// <summary>How many indexes are scanned, 0 for all from the offset.</summary>
    [Parameter("uint256", "limit", 3)]
    public BigInteger Limit { get; set; }
}
