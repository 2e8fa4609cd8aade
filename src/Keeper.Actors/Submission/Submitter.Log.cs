using Keeper.Chain.Primitives;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Submission;

/// <content>Logging for <see cref="Submitter"/>. The key is never logged; the account address is.</content>
public sealed partial class Submitter
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Not sending {Task}: {Reason}: {Detail}")]
    private static partial void LogNotSent(ILogger logger, string task, NotSentReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending nothing at head {Head}: {Detail}")]
    private static partial void LogInsufficientFunds(ILogger logger, ulong head, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to sign {Task}, {Call}: not on the allow-list: {Why}")]
    private static partial void LogNotAllowed(ILogger logger, string task, string call, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not sending {Task}: the next block needs {MaxFeeGwei} gwei per gas, above the fee cap of {CapGwei} gwei ({Reason})")]
    private static partial void LogAboveFeeCap(ILogger logger, string task, decimal maxFeeGwei, decimal capGwei, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journaled {Task} as nonce {Nonce}, transaction {Hash}, max fee {MaxFeeGwei} gwei, tip {TipGwei} gwei, gas limit {GasLimit}")]
    private static partial void LogCreated(ILogger logger, string task, ulong nonce, Hash32 hash, decimal maxFeeGwei, decimal tipGwei, ulong gasLimit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Task} nonce {Nonce} transaction {Hash} at max fee {MaxFeeGwei} gwei ({Result})")]
    private static partial void LogSent(ILogger logger, string task, ulong nonce, Hash32 hash, decimal maxFeeGwei, SendResultKind result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node rejected {Task} nonce {Nonce} transaction {Hash} and holds nothing at that nonce; dropped and nonce released: {NodeMessage}")]
    private static partial void LogRejected(ILogger logger, string? task, ulong nonce, Hash32 hash, string nodeMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsure whether {Task} nonce {Nonce} transaction {Hash} reached the node ({Error}); it stays journaled and is re-broadcast on the next head")]
    private static partial void LogSendUncertain(ILogger logger, string task, ulong nonce, Hash32 hash, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Another process writes the journal of account {Account} ({PersistenceId}): two keepers are using the same signing key. This submitter stops; give each keeper its own key")]
    private static partial void LogAnotherWriter(ILogger logger, Address account, string persistenceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not journal {Event} for nonce {Nonce}; nothing that depends on it was done")]
    private static partial void LogJournalWriteFailed(ILogger logger, string @event, ulong nonce, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The node reported hash {NodeHash} for our transaction {Hash}; the node or our encoding is wrong")]
    private static partial void LogHashMismatch(ILogger logger, Hash32 hash, Hash32 nodeHash);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Abandon {Task} ({Reason}): no transaction of ours is pending for it")]
    private static partial void LogAbandonNothing(ILogger logger, string task, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Abandoning {Task} ({Reason}): replacing nonce {Nonce} transaction {Hash} with a self-transfer")]
    private static partial void LogAbandoning(ILogger logger, string task, ulong nonce, Hash32 hash, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check transactions at head {Head}: {Error}; trying again on the next head")]
    private static partial void LogCheckFailed(ILogger logger, ulong head, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reorg undid block {Block} that mined {Task} nonce {Nonce} transaction {Hash}; it is pending again and re-broadcast")]
    private static partial void LogReorged(ILogger logger, string? task, ulong nonce, Hash32 hash, ulong block);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mined {Task} nonce {Nonce} transaction {Hash} in block {Block} (succeeded {Succeeded}, gas used {GasUsed})")]
    private static partial void LogMined(ILogger logger, string? task, ulong nonce, Hash32 hash, ulong block, bool succeeded, ulong gasUsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nonce {Nonce} of {Task} was used by a transaction that is not ours: another wallet or process uses this account's key")]
    private static partial void LogForeignNonce(ILogger logger, string? task, ulong nonce);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-broadcast {Task} nonce {Nonce} transaction {Hash}: {Result} {NodeMessage}")]
    private static partial void LogRebroadcast(ILogger logger, string? task, ulong nonce, Hash32 hash, SendResultKind result, string nodeMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task} nonce {Nonce} transaction {Hash} is not mined, but a bump to {MaxFeeGwei} gwei would exceed the fee cap of {CapGwei} gwei; waiting at the current fees")]
    private static partial void LogBumpCapped(ILogger logger, string? task, ulong nonce, Hash32 hash, decimal maxFeeGwei, decimal capGwei);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaced {Task} nonce {Nonce} with transaction {Hash} at max fee {MaxFeeGwei} gwei, tip {TipGwei} gwei (cancellation {Cancellation})")]
    private static partial void LogReplaced(ILogger logger, string? task, ulong nonce, Hash32 hash, decimal maxFeeGwei, decimal tipGwei, bool cancellation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node did not accept replacement {Hash} of {Task} nonce {Nonce}: {Result} {NodeMessage}")]
    private static partial void LogReplacementNotAccepted(ILogger logger, string? task, ulong nonce, Hash32 hash, SendResultKind result, string nodeMessage);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The submission journal {PersistenceId} cannot be read; nothing will be signed until it is repaired")]
    private static partial void LogJournalUnreadable(ILogger logger, string persistenceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not recover {PersistenceId}; retrying in {RetryIn}")]
    private static partial void LogRecoveryFailed(ILogger logger, string persistenceId, TimeSpan retryIn, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {PersistenceId} at sequence {SequenceNr}: {Live} transactions in flight, next nonce {Nonce} (node pending count {PendingCount})")]
    private static partial void LogRecovered(ILogger logger, string persistenceId, long sequenceNr, int live, ulong nonce, ulong pendingCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not re-sending {Task} nonce {Nonce} transaction {Hash}: {Reason}; its nonce is filled with a zero-value self-transfer instead")]
    private static partial void LogResendCancelled(ILogger logger, string task, ulong nonce, Hash32 hash, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not re-sending {Task} nonce {Nonce} yet: {Reason}; asking again on the next head")]
    private static partial void LogResendUndecided(ILogger logger, string task, ulong nonce, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported {Events} events of {PersistenceId} ({Live} transactions unfinished) from the journal Keeper kept before Akka.Persistence ({Journal}); they are resumed as after a restart")]
    private static partial void LogLegacyImported(ILogger logger, string persistenceId, int events, int live, string journal);

    [LoggerMessage(Level = LogLevel.Information, Message = "The journal Keeper kept before Akka.Persistence ({Journal}) holds {Events} events of {PersistenceId}; none needs importing (nothing unfinished or within the reorg watch, or this account's journal holds them already)")]
    private static partial void LogLegacyNothingToImport(ILogger logger, string persistenceId, string journal, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store of the journal Keeper kept before Akka.Persistence ({Journal}) also holds {Snapshots} rows in its old snapshot table (tracker snapshots, the watcher checkpoint); they are not read: trackers and the chain watcher start cold from the chain")]
    private static partial void LogLegacySnapshotsIgnored(ILogger logger, string journal, long snapshots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record that {PersistenceId}'s old journal was dealt with ({Reason}); the next start checks it again and records it then")]
    private static partial void LogLegacyMarkFailed(ILogger logger, string persistenceId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The submitter {PersistenceId} refuses to act: {Reason}")]
    private static partial void LogLegacyRefused(ILogger logger, string persistenceId, string reason);
}
