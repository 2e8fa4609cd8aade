using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.DepositPoolDefinition;

/// <summary>
/// <c>getNodeCreditBalance(address _nodeAddress) returns (uint256)</c>: the operator's deposit credit in wei (a dequeued
/// validator's bond, a reduced bond), kept in RocketStorage under <c>node.deposit.credit.balance</c> and read by
/// RocketNodeDeposit's <c>getNodeDepositCredit</c> too.
/// </summary>
[Function("getNodeCreditBalance", "uint256")]
public sealed class GetNodeCreditBalanceFunction : FunctionMessage
{
    /// <summary>The node operator.</summary>
    [Parameter("address", "_nodeAddress", 1)]
    public string NodeAddress { get; set; } = string.Empty;
}
