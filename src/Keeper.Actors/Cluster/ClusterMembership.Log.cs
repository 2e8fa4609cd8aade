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
}
