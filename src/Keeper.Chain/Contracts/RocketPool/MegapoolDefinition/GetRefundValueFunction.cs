using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>getRefundValue() returns (uint256)</c>: wei owed back to the node operator (a dissolved validator's bond net of the prestake, distributed rewards), paid by <c>claim()</c> after any debt.</summary>
[Function("getRefundValue", "uint256")]
public sealed class GetRefundValueFunction : FunctionMessage;
