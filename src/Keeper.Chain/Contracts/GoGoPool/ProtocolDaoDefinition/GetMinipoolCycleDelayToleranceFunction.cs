using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;

/// <summary><c>getMinipoolCycleDelayTolerance() returns (uint256)</c>: key <c>ProtocolDAO.MinipoolCycleDelayTolerance</c>, 1 day by default.</summary>
[Function("getMinipoolCycleDelayTolerance", "uint256")]
public sealed class GetMinipoolCycleDelayToleranceFunction : FunctionMessage;
