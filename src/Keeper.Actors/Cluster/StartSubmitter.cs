namespace Keeper.Actors.Cluster;

/// <summary>
/// Tells <see cref="DeferredSubmitter"/> that this node is Up and the only active member signing for its key: the
/// submitter may recover its journal and send.
/// </summary>
public sealed record StartSubmitter
{
    /// <summary>The one instance.</summary>
    public static StartSubmitter Instance { get; } = new();
}
