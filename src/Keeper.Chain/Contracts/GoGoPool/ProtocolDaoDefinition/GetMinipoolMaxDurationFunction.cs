using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;

/// <summary><c>getMinipoolMaxDuration() returns (uint256)</c>: key <c>ProtocolDAO.MinipoolMaxDuration</c>, 365 days by default.</summary>
[Function("getMinipoolMaxDuration", "uint256")]
public sealed class GetMinipoolMaxDurationFunction : FunctionMessage;
