using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;

/// <summary><c>dissolve()</c>: the keeper's action once a prelaunch minipool has timed out.</summary>
[Function("dissolve")]
public sealed class DissolveFunction : FunctionMessage;
