using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;

/// <summary><c>getInflationIntervalSeconds() returns (uint256)</c>: key <c>ProtocolDAO.InflationIntervalSeconds</c>, 1 day by default.</summary>
[Function("getInflationIntervalSeconds", "uint256")]
public sealed class GetInflationIntervalSecondsFunction : FunctionMessage;
