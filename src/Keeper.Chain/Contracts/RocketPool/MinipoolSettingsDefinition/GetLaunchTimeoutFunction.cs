using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolSettingsDefinition;

/// <summary><c>getLaunchTimeout() returns (uint256)</c>: seconds a minipool may stay in prelaunch before anyone may dissolve it.</summary>
[Function("getLaunchTimeout", "uint256")]
public sealed class GetLaunchTimeoutFunction : FunctionMessage;
