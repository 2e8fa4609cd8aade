using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;

/// <summary><c>getMinipoolCancelMoratoriumSeconds() returns (uint256)</c>: key <c>ProtocolDAO.MinipoolCancelMoratoriumSeconds</c>, 5 days by default.</summary>
[Function("getMinipoolCancelMoratoriumSeconds", "uint256")]
public sealed class GetMinipoolCancelMoratoriumSecondsFunction : FunctionMessage;
