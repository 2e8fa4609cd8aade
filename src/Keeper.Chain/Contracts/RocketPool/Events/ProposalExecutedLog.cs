using Keeper.Chain.Logs;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary>
/// <c>ProposalExecuted(uint256 indexed proposalID, address indexed executor, uint256 time)</c> from a DAO proposal
/// contract: a passed proposal ran, and it may have changed any setting or contract address.
/// </summary>
/// <param name="Log">The raw log.</param>
/// <param name="ProposalId">The proposal's id in its DAO.</param>
/// <param name="Time">The block timestamp.</param>
public sealed record ProposalExecutedLog(LogEntry Log, ulong ProposalId, ulong Time) : RocketPoolLog(Log);
