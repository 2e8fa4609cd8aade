using Keeper.Chain.Contracts.RocketPool;

namespace Keeper.Chain.Proving;

/// <summary>
/// A manager call with its proofs, ready to simulate and send, valid while the chain's next block is no later than
/// <see cref="ValidUntil"/> (the contracts' rule: <c>slotTimestamp + 1 hour &gt;= block.timestamp</c>).
/// </summary>
/// <param name="Call">The call.</param>
/// <param name="ProvenSlot">The beacon slot the proofs were built against.</param>
/// <param name="SlotTimestamp">The timestamp under which EIP-4788 holds the proven block's root (its child's slot time).</param>
public sealed record ProvenCall(ContractCall Call, ulong ProvenSlot, ulong SlotTimestamp)
{
    /// <summary>How long after <see cref="SlotTimestamp"/> the contracts accept a proof, in seconds.</summary>
    public const ulong RecencySeconds = 3600;

    /// <summary>The last block timestamp at which the proofs are accepted.</summary>
    public ulong ValidUntil => SlotTimestamp + RecencySeconds;
}
