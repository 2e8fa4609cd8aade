namespace Keeper.Host.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The run failed (chain, store or process error); the message says why.</summary>
    public const int Failed = 1;

    /// <summary>Bad configuration, arguments, keystore or password; nothing was started.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// <c>keeper status</c>: a node accepted the connection but did not answer in time: it runs, but slowly (overloaded,
    /// stopping). Tells a slow node from a down one (<see cref="Failed"/>: nothing listens).
    /// </summary>
    public const int NodeSlow = 4;

    /// <summary>
    /// Stopped by SIGINT (Ctrl-C) or SIGTERM before it completed (<c>keeper devnet</c>): every process it started was stopped
    /// first. The shell's code for an interrupted command.
    /// </summary>
    public const int Interrupted = 130;

    /// <summary>
    /// An older member of the cluster signs with this node's key (a copied configuration or keystore): this node stopped
    /// without sending anything; the log names both nodes.
    /// </summary>
    public const int SignerTaken = Actors.Cluster.SignerTakenReason.Code;
}
