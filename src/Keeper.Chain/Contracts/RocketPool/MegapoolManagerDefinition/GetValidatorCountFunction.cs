using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary><c>getValidatorCount() returns (uint256)</c>: how many validators the global index holds.</summary>
[Function("getValidatorCount", "uint256")]
public sealed class GetValidatorCountFunction : FunctionMessage;
