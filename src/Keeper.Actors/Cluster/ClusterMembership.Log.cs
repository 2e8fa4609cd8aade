using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Cluster;

/// <content>Logging for <see cref="ClusterMembership"/>.</content>
public sealed partial class ClusterMembership
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster member {Node} ({Signer}) is {Status} at {Address}")]
    private static partial void LogMember(ILogger logger, string node, string signer, string status, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster member {Node} at {Address} was removed")]
    private static partial void LogRemoved(ILogger logger, string node, string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "This node ({Address}) was downed by the cluster (the split-brain resolver found it on the losing side, or an operator downed it): it stops now; restart it to rejoin")]
    private static partial void LogSelfDowned(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gate members: {Count} taking turns; this node up: {SelfUp}; store reachable: {Reachable}")]
    private static partial void LogView(ILogger logger, int count, bool selfUp, bool reachable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared store is unreachable; tracking continues, nothing is submitted: {Reason}")]
    private static partial void LogStoreUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared store answers again; this node takes its turns")]
    private static partial void LogStoreBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "This node ({Address}) tracks the chain; its submitter starts once the node is Up in the cluster and no other member signs with its key")]
    private static partial void LogWaitingToSign(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node ({Address}) is still not Up in the cluster after {Seconds} s (are the seed nodes reachable?): it tracks the chain but neither submits nor re-sends until it is")]
    private static partial void LogNotUp(ILogger logger, string address, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "This node is Up and the only member signing for {Signer}: its submitter starts")]
    private static partial void LogSigning(ILogger logger, string signer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another keeper node at {Other} signs for {Signer} too and is unreachable: this node waits, sending nothing, until the cluster downs it (then this node signs) or reaches it again (then this node stops)")]
    private static partial void LogOlderUnreachable(ILogger logger, string other, string signer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Another keeper node at {Other} already signs for {Signer}; stop one of them or give this node ({Address}) its own keystore. This node stops now, having sent nothing")]
    private static partial void LogSignerTaken(ILogger logger, string other, string signer, string address);
}
