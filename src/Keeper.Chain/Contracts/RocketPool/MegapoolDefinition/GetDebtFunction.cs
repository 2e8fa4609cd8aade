using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>getDebt() returns (uint256)</c>: the megapool's debt in wei.</summary>
[Function("getDebt", "uint256")]
public sealed class GetDebtFunction : FunctionMessage;
