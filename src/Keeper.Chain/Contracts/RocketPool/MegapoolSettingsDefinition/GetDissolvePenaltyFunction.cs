using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;

/// <summary><c>getDissolvePenalty() returns (uint256)</c>: the debt a dissolve adds to the megapool, in wei.</summary>
[Function("getDissolvePenalty", "uint256")]
public sealed class GetDissolvePenaltyFunction : FunctionMessage;
