using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;

/// <summary><c>getStatusTime() returns (uint256)</c>: the block time of the last status change.</summary>
[Function("getStatusTime", "uint256")]
public sealed class GetStatusTimeFunction : FunctionMessage;
