using Akka.Actor;

namespace Keeper.Actors.Cluster;

/// <summary>
/// Why <see cref="ClusterMembership"/> ran the coordinated shutdown: an older member of the cluster signs with this node's
/// key. The host reads it to exit with its own code.
/// </summary>
public sealed class SignerTakenReason : CoordinatedShutdown.Reason
{
    private SignerTakenReason()
    {
    }

    /// <summary>The process's exit code after this shutdown (<c>keeper run</c> exits with it).</summary>
    public const int Code = 3;

    /// <summary>The one instance.</summary>
    public static SignerTakenReason Instance { get; } = new();

    /// <inheritdoc />
    public override int ExitCode => Code;

    /// <inheritdoc />
    public override string ToString() => "another member of the cluster signs with this node's key";
}
