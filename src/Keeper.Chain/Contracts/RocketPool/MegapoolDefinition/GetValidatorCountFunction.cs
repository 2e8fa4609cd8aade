using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>getValidatorCount() returns (uint32)</c>: how many validators the megapool holds.</summary>
[Function("getValidatorCount", "uint32")]
public sealed class GetValidatorCountFunction : FunctionMessage;
