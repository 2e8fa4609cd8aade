using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>getMinipoolCount() returns (uint256)</c>: how many minipools were ever created (indexes 0 to count - 1).</summary>
[Function("getMinipoolCount", "uint256")]
public sealed class GetMinipoolCountFunction : FunctionMessage;
