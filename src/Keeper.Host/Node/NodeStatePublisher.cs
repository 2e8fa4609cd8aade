using Akka.Actor;

namespace Keeper.Host.Node;

/// <summary>
/// Keeps the <see cref="NodeStateBoard"/> fresh: every period it tells each part of the node its status question, with
/// itself as the sender, and writes each answer to the board as it arrives. It never waits for an answer.
/// </summary>
/// <remarks>
/// Why a poller and not an Ask per HTTP request: the watcher, the gate and the submitter await the RPC inside their
/// handlers by design (each handles one thing at a time, which keeps their state simple), so while the RPC hangs their
/// mailboxes hold every question. An Ask would wait as long; this actor only notes that a part has not answered yet, and
/// the board keeps its last answer with the time since it has been waiting. A part is asked again only once it answered
/// the previous question (or after <see cref="AskAgainAfter"/>, in case a restart dropped it), so a busy part's mailbox
/// gets at most one question.
/// </remarks>
public sealed class NodeStatePublisher : ReceiveActor, IWithTimers
{
    /// <summary>How often the parts are asked.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>A question unanswered this long is sent again (an actor restarted by its supervisor drops its mailbox).</summary>
    public static readonly TimeSpan AskAgainAfter = TimeSpan.FromSeconds(30);

    private readonly NodeStateBoard _board;
    private readonly IReadOnlyDictionary<NodePart, IActorRef> _parts;
    private readonly Dictionary<NodePart, DateTimeOffset> _asked = [];
    private readonly Dictionary<IActorRef, NodePart?> _byActor;

    /// <summary>Creates the publisher.</summary>
    public NodeStatePublisher(NodeStateBoard board, IReadOnlyDictionary<NodePart, IActorRef> parts)
    {
        _board = board;
        _parts = parts;
        _byActor = parts.ToDictionary(p => p.Value, p => (NodePart?)p.Key);
        Receive<Tick>(_ => AskAll());
        ReceiveAny(OnAnswer);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the publisher.</summary>
    public static Props Props(NodeStateBoard board, IReadOnlyDictionary<NodePart, IActorRef> parts) =>
        Akka.Actor.Props.Create(() => new NodeStatePublisher(board, parts));

    /// <inheritdoc />
    protected override void PreStart()
    {
        AskAll();
        Timers.StartPeriodicTimer("tick", Tick.Instance, Period);
    }

    private void AskAll()
    {
        var now = _board.Time.GetUtcNow();
        foreach (var (part, actor) in _parts)
        {
            if (_asked.TryGetValue(part, out var at) && now - at < AskAgainAfter)
            {
                continue;
            }

            _asked[part] = now;
            _board.Asked(part);
            actor.Tell(NodeStateBoard.QuestionFor(part), Self);
        }
    }

    // Two parts may answer with the same type (each chain's watcher, scheduler, gate and balance): the sender tells them
    // apart; an answer relayed by another actor (a deferred submitter's child) is known by its type.
    private void OnAnswer(object message)
    {
        if ((_byActor.TryGetValue(Sender, out var sent) ? sent : NodeStateBoard.PartOf(message)) is { } part)
        {
            _asked.Remove(part);
            _board.Answered(part, message);
        }
        else
        {
            Unhandled(message);
        }
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
