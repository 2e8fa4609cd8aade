namespace Keeper.Actors.Runtime;

/// <summary>
/// The runtime side of one actor: its mailbox, its current instance, its children, watchers, stash and
/// timers. The cell is its own thread-pool work item: it is queued only when it has work and an "is
/// scheduled" flag guarantees at most one run at a time, so an actor never runs on two threads at once and
/// an idle actor costs no thread and no task. Its state is touched only inside a run (or by its parent,
/// for the restart statistics, inside the parent's run).
/// </summary>
internal sealed partial class ActorCell : IActorContext, IThreadPoolWorkItem
{
    [ThreadStatic]
    private static ActorCell? _current;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly InternalActorRef _parentRef;
    private readonly Props _props;
    private readonly LocalActorRef _self;
    private readonly MessageQueue _mailbox;
    private ActorBase? _actor;
    private IActorRef? _sender;
    private object? _message;
    private Task? _pending;
    private Action? _continuation;

    public ActorCell(ActorSystem system, ActorCell? parent, InternalActorRef parentRef, Props props, ActorPath path)
    {
        _system = system;
        _parent = parent;
        _parentRef = parentRef;
        _props = props;
        _self = new LocalActorRef(system, this, path);
        _mailbox = MessageQueue.Create(props.Mailbox ?? system.Settings.Mailbox);
    }

    /// <summary>The cell whose actor is being constructed on this thread; read by the <see cref="ActorBase"/> constructor.</summary>
    public static ActorCell? Current => _current;

    public LocalActorRef Self => _self;

    IActorRef IActorContext.Self => _self;

    public IActorRef Sender => _sender ?? _system.DeadLetters;

    public IActorRef Parent => _parentRef;

    public ActorSystem System => _system;

    public ActorPath Path => _self.Path;

    /// <summary>Restart statistics; read and written only by the parent, inside its own run.</summary>
    public RestartStatistics RestartStatistics { get; set; } = RestartStatistics.None;

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    /// <summary>Starts the cell: its first run constructs the actor.</summary>
    public void Start() => SendSystemMessage(new Create());

    private void CreateActor()
    {
        try
        {
            _actor = NewInstance();
            _actor.InvokePreStart();
        }
        catch (Exception ex)
        {
            _actor = null;
            HandleFailure(new ActorInitializationException(Path, ex), null);
        }
    }

    private ActorBase NewInstance()
    {
        var previous = _current;
        _current = this;
        try
        {
            var actor = _props.NewActor();
            if (!ReferenceEquals(actor.Cell, this))
            {
                throw new InvalidOperationException(
                    $"The factory for {Path} returned an actor that was created for another actor; it must return a new instance on every call.");
            }

            actor.OnConstructed();
            return actor;
        }
        finally
        {
            _current = previous;
        }
    }
}
