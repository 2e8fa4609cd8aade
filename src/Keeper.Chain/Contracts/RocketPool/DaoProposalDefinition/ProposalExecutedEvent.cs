using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.DaoProposalDefinition;

/// <summary>
/// <c>ProposalExecuted(uint256 indexed proposalID, address indexed executor, uint256 time)</c>, the same in
/// rocketDAOProtocolProposal and rocketDAOProposal.
/// </summary>
[Event("ProposalExecuted")]
public sealed class ProposalExecutedEvent : IEventDTO
{
    /// <summary>The proposal's id in its DAO.</summary>
    [Parameter("uint256", "proposalID", 1, true)]
    public ulong ProposalId { get; set; }

    /// <summary>The account that sent the execution (<c>tx.origin</c>).</summary>
    [Parameter("address", "executor", 2, true)]
    public string Executor { get; set; } = "";

    /// <summary>The block timestamp.</summary>
    [Parameter("uint256", "time", 3, false)]
    public ulong Time { get; set; }
}
