using System.Numerics;
using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>What the keeper reads of a GoGoPool minipool: who owns it, its status and the times its windows follow from.</summary>
/// <param name="Index">Its index in MinipoolManager.</param>
/// <param name="NodeId">The Avalanche node ID (20 bytes), the minipool's key.</param>
/// <param name="Owner">The account alerts go to and that may withdraw.</param>
/// <param name="Multisig">The orchestrator multisig assigned to it.</param>
/// <param name="Status">The status.</param>
/// <param name="Duration">The validation period asked for, in seconds.</param>
/// <param name="CreationTime">Created (or recreated) at, in seconds.</param>
/// <param name="InitialStartTime">The first cycle started at, in seconds; 0 before.</param>
/// <param name="StartTime">The current cycle started at, in seconds.</param>
/// <param name="EndTime">The last cycle ended at, in seconds; 0 before.</param>
/// <param name="AvaxNodeOpAmt">The owner's AVAX, in wei.</param>
/// <param name="AvaxLiquidStakerAmt">The liquid stakers' AVAX, in wei.</param>
/// <param name="ErrorCode">Why it failed or was canceled; zero otherwise.</param>
public sealed record GoGoMinipool(
    long Index,
    Address NodeId,
    Address Owner,
    Address Multisig,
    GoGoMinipoolStatus Status,
    ulong Duration,
    ulong CreationTime,
    ulong InitialStartTime,
    ulong StartTime,
    ulong EndTime,
    BigInteger AvaxNodeOpAmt,
    BigInteger AvaxLiquidStakerAmt,
    Hash32 ErrorCode)
{
    /// <summary>The protocol's end of the whole validation period: the first start plus the duration asked for.</summary>
    public ulong PlannedEndTime => InitialStartTime + Duration;

    /// <summary>Maps a decoded record.</summary>
    /// <exception cref="GoGoPoolBindingException">The status is not one GoGoPool defines.</exception>
    public static GoGoMinipool From(MinipoolStruct record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status > (byte)GoGoMinipoolStatus.Error)
        {
            throw new GoGoPoolBindingException($"Minipool {record.NodeId} at index {record.Index} has status {record.Status}, which GoGoPool does not define (0 to 6); is this GoGoPool's MinipoolManager?");
        }

        return new GoGoMinipool(
            record.Index,
            Address.Parse(record.NodeId),
            Address.Parse(record.Owner),
            Address.Parse(record.MultisigAddr),
            (GoGoMinipoolStatus)record.Status,
            record.Duration,
            record.CreationTime,
            record.InitialStartTime,
            record.StartTime,
            record.EndTime,
            record.AvaxNodeOpAmt,
            record.AvaxLiquidStakerAmt,
            new Hash32(record.ErrorCode));
    }
}
