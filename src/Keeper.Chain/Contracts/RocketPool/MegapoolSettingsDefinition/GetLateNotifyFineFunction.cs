using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary><c>getLateNotifyFine() returns (uint256)</c>: the fine for a late exit report, in wei.</summary>
[Function("getLateNotifyFine", "uint256")]
public sealed class GetLateNotifyFineFunction : FunctionMessage;
