using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Gate;

/// <content>Logging for <see cref="SubmissionGate"/>.</content>
public sealed partial class SubmissionGate
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed window {Window} of {Task}; submitting for the block at {NextBlockTime}")]
    private static partial void LogClaimed(Microsoft.Extensions.Logging.ILogger logger, string task, long window, ulong nextBlockTime);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Task} would revert in window {Window}: {Reason}")]
    private static partial void LogSimulationReverted(Microsoft.Extensions.Logging.ILogger logger, string task, long window, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not simulate {Task} in window {Window}; sending nothing, trying again at the next head: {Reason}")]
    private static partial void LogSimulationFailed(Microsoft.Extensions.Logging.ILogger logger, string task, long window, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not simulate {Count} due task(s), {Task} first; sending none of them, trying again at every head, and saying so once simulations answer again: {Reason}")]
    private static partial void LogSimulationsFailing(Microsoft.Extensions.Logging.ILogger logger, int count, string task, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulations answer again (they had failed since block {Block})")]
    private static partial void LogSimulationsWorkAgain(Microsoft.Extensions.Logging.ILogger logger, ulong block);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim window {Window} of {Task}; sending nothing: {Reason}")]
    private static partial void LogClaimFailed(Microsoft.Extensions.Logging.ILogger logger, string task, long window, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task} not sent ({Reason}): {Detail}")]
    private static partial void LogNotSent(Microsoft.Extensions.Logging.ILogger logger, string task, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record claim {Task} window {Window} as {State}: {Reason}")]
    private static partial void LogClaimUpdateFailed(Microsoft.Extensions.Logging.ILogger logger, string task, long window, string state, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {Task}: the pending claim of window {Window} by {Member}, who left the cluster, is abandoned")]
    private static partial void LogTakeOver(Microsoft.Extensions.Logging.ILogger logger, string task, long window, string member);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Task} is due in window {Window}, but {Member}'s transaction of window {FencedWindow} "
        + "was mined within its reorg watch (until block {FenceUntil}, head {Head}); only that member acts until then")]
    private static partial void LogReorgFenced(Microsoft.Extensions.Logging.ILogger logger, string task, long window, string member, long fencedWindow, ulong fenceUntil, ulong head);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the proof calls of {Count} due tasks failed; trying again at the next head (repeats of this cause are not logged): {Reason}")]
    private static partial void LogProofBuildFailed(Microsoft.Extensions.Logging.ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The proof call for {Task} proves slot {Slot}, valid until {ValidUntil}: too close to the block at {NextBlockTime} to send; rebuilding at the next head")]
    private static partial void LogProofTooOld(Microsoft.Extensions.Logging.ILogger logger, string task, ulong slot, ulong validUntil, ulong nextBlockTime);
}
