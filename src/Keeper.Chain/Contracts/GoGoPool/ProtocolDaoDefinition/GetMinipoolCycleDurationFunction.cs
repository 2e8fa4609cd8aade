using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;

/// <summary><c>getMinipoolCycleDuration() returns (uint256)</c>: key <c>ProtocolDAO.MinipoolCycleDuration</c>, 14 days by default.</summary>
[Function("getMinipoolCycleDuration", "uint256")]
public sealed class GetMinipoolCycleDurationFunction : FunctionMessage;
