using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary><c>withdrawMinipoolFunds(address nodeID)</c>: the owner takes a Withdrawable or Error minipool's funds; it becomes Finished.</summary>
[Function("withdrawMinipoolFunds")]
public sealed class WithdrawMinipoolFundsFunction : FunctionMessage
{
    /// <summary>The 20-byte Avalanche node ID.</summary>
    [Parameter("address", "nodeID", 1)]
    public string NodeId { get; set; } = "";
}
