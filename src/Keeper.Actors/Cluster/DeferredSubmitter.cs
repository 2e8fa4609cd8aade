using Akka.Actor;
using Keeper.Actors.Submission;

namespace Keeper.Actors.Cluster;

/// <summary>
/// Holds the submitter's place until <see cref="ClusterMembership"/> sends <see cref="StartSubmitter"/>: only then is the
/// submitter created, so it neither recovers its journal nor re-sends anything while another node may be signing with the
/// same key (both would use the same nonces and the same journal). Until then it answers the status with no transactions,
/// keeps the latest head and signer balance for the submitter, and holds every other message (the gate's subscription) for it; afterwards it
/// forwards everything, the sender kept.
/// </summary>
public sealed class DeferredSubmitter : ReceiveActor, IWithUnboundedStash
{
    private readonly Props _submitter;
    private readonly Chain.Primitives.Address _account;
    private (SubmitterHead Head, IActorRef Sender)? _head;
    private (SignerBalance Balance, IActorRef Sender)? _balance;

    /// <summary>Creates the actor; <paramref name="submitter"/> is created as its child on <see cref="StartSubmitter"/>.</summary>
    public DeferredSubmitter(Props submitter, Chain.Primitives.Address account)
    {
        _submitter = submitter;
        _account = account;
        Receive<StartSubmitter>(_ => Start());
        Receive<GetSubmitterStatus>(_ => Sender.Tell(new SubmitterStatus(_account, 0, []), Self));
        // Heads come every block; one that is not the latest tells the submitter nothing once it starts.
        Receive<SubmitterHead>(head => _head = (head, Sender));
        // Likewise the balance, read at every head: only the latest reading matters.
        Receive<SignerBalance>(balance => _balance = (balance, Sender));
        ReceiveAny(_ => Stash.Stash());
    }

    /// <summary>The stash (set by Akka).</summary>
    public IStash Stash { get; set; } = null!;

    /// <summary>Props for the actor.</summary>
    public static Props Props(Props submitter, Chain.Primitives.Address account) =>
        Akka.Actor.Props.Create(() => new DeferredSubmitter(submitter, account));

    private void Start()
    {
        var child = Context.ActorOf(_submitter, "account");
        Stash.UnstashAll();
        if (_head is var (head, sender))
        {
            // Through this actor's mailbox: after the held messages (the gate's subscription first).
            Self.Tell(head, sender);
        }

        if (_balance is var (balance, balanceSender))
        {
            Self.Tell(balance, balanceSender);
        }

        Become(() =>
        {
            Receive<StartSubmitter>(_ => { });
            ReceiveAny(message => child.Forward(message));
        });
    }
}
