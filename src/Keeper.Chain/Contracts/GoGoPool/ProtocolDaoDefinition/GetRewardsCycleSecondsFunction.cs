using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;

/// <summary><c>getRewardsCycleSeconds() returns (uint256)</c>: key <c>ProtocolDAO.RewardsCycleSeconds</c>, 28 days by default.</summary>
[Function("getRewardsCycleSeconds", "uint256")]
public sealed class GetRewardsCycleSecondsFunction : FunctionMessage;
