using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary><c>getTimeBeforeDissolve() returns (uint256)</c>: seconds after assignment before a prestaked validator may be dissolved.</summary>
[Function("getTimeBeforeDissolve", "uint256")]
public sealed class GetTimeBeforeDissolveFunction : FunctionMessage;
