using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;

/// <summary><c>getInflationIntervalStartTime() returns (uint256)</c>: when inflation was last computed.</summary>
[Function("getInflationIntervalStartTime", "uint256")]
public sealed class GetInflationIntervalStartTimeFunction : FunctionMessage;
