using Akka.Actor;

namespace Keeper.Actors.Cluster;

/// <content>
/// One signing key, one active member. Two nodes started with the same key against the same cluster and store would write
/// the same journal and use the same nonces, so the submitter starts only once this node is Up and no older member that is
/// alive signs for its key (<see cref="ClusterView.CheckSigner"/>); the newer of two such members shuts itself down and
/// the older one is left alone.
/// </content>
public sealed partial class ClusterMembership
{
    private Signing _signing;
    private bool _confirming;
    private KeeperMember? _waitingFor;

    private enum Signing
    {
        Waiting,
        Started,
        Stopping,
    }

    // Akka publishes the members of one gossip as separate events: this node's MemberUp may come before that of an older
    // member with the same key moved Up in the same gossip. The publisher's current state, asked for after that event, holds
    // the whole gossip, so the submitter starts only on a full snapshot.
    private void CheckSigner(bool snapshot)
    {
        if (_signing != Signing.Waiting)
        {
            return;
        }

        var (check, older) = _view.CheckSigner();
        switch (check)
        {
            case SignerCheck.TakenByOlder:
                StopForOlder(older!);
                break;
            case SignerCheck.OlderUnreachable when _waitingFor?.Node != older!.Node:
                _waitingFor = older;
                LogOlderUnreachable(Log, older.Node.Address.ToString(), older.Signer.ToString());
                break;
            case SignerCheck.Sole when snapshot:
                _signing = Signing.Started;
                Timers.Cancel("up-warning");
                LogSigning(Log, _view.Members[_view.Self].Signer.ToString());
                _options.Submitter.Tell(StartSubmitter.Instance, Self);
                foreach (var (_, submitter) in _options.OtherChains)
                {
                    submitter.Tell(StartSubmitter.Instance, Self);
                }

                break;
            case SignerCheck.Sole when !_confirming && _options.Subscribe:
                _confirming = true;
                Akka.Cluster.Cluster.Get(Context.System).SendCurrentClusterState(Self);
                break;
        }

        if (snapshot)
        {
            _confirming = false;
        }
    }

    private void StopForOlder(KeeperMember older)
    {
        _signing = Signing.Stopping;
        Timers.Cancel("up-warning");
        LogSignerTaken(Log, older.Node.Address.ToString(), older.Signer.ToString(), _view.Self.Address.ToString());
        CoordinatedShutdown.Get(Context.System).Run(SignerTakenReason.Instance);
    }

    private void WarnNotUp()
    {
        if (_signing == Signing.Waiting && !_view.SelfUp)
        {
            LogNotUp(Log, _view.Self.Address.ToString(), _options.UpWarningAfter.TotalSeconds);
        }
    }

    private sealed record UpWarning
    {
        public static UpWarning Instance { get; } = new();
    }
}
