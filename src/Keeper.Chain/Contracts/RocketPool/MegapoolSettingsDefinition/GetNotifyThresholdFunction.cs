using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary><c>getNotifyThreshold() returns (uint256)</c>: epochs before the withdrawable epoch by which an exit must be reported.</summary>
[Function("getNotifyThreshold", "uint256")]
public sealed class GetNotifyThresholdFunction : FunctionMessage;
