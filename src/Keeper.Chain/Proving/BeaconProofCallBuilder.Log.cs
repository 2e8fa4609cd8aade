using Keeper.Chain.Primitives;
using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Proving;

public sealed partial class BeaconProofCallBuilder
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Proving against beacon slot {Slot} (block {Root}, child at slot {ChildSlot}): state of {StateBytes} bytes with {Validators} validators fetched in {FetchMs} ms, tree built in {BuildMs} ms.")]
    private static partial void LogProvenSlot(ILogger logger, ulong slot, Hash32 root, ulong childSlot, int stateBytes, int validators, long fetchMs, long buildMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Built {Count} proof calls against beacon slot {Slot} (valid from slot timestamp {SlotTimestamp} for one hour).")]
    private static partial void LogBuilt(ILogger logger, int count, ulong slot, ulong slotTimestamp);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Read the block_roots of the state at slot {StateSlot} ({StateBytes} bytes) for historical withdrawal proofs of the period before it.")]
    private static partial void LogPeriodRoots(ILogger logger, ulong stateSlot, int stateBytes);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug,
        Message = "Withdrawal scan read {Read} beacon blocks; it now covers slots {FromSlot} to {HeadSlot}: {Blocks} blocks, withdrawals of {Validators} validators.")]
    private static partial void LogScanned(ILogger logger, int read, ulong fromSlot, ulong headSlot, int blocks, int validators);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "The beacon head is at slot {BeaconSlot} after {WaitMs} ms, behind the execution head's slot {ExecutionSlot}; proving against what it has. A beacon node that keeps lagging makes proofs older than they need be: check that it is synced.")]
    private static partial void LogBeaconBehind(ILogger logger, ulong beaconSlot, long waitMs, ulong executionSlot);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "The beacon head caught up with the execution head (slot {Slot}).")]
    private static partial void LogBeaconCaughtUp(ILogger logger, ulong slot);
}
