using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;

/// <summary><c>getStatus() returns (uint8)</c>: the minipool's status.</summary>
[Function("getStatus", "uint8")]
public sealed class GetStatusFunction : FunctionMessage;
