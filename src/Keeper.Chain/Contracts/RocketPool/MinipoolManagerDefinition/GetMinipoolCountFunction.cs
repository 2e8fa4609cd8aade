using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;

/// <summary><c>getMinipoolCount() returns (uint256)</c>: how many minipools exist.</summary>
[Function("getMinipoolCount", "uint256")]
public sealed class GetMinipoolCountFunction : FunctionMessage;
