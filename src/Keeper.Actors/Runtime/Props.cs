namespace Keeper.Actors.Runtime;

/// <summary>
/// How to make an actor: a factory that the runtime calls for the first instance and again for every restart,
/// so each call must return a fresh instance.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, MailboxKind? mailbox)
    {
        ActorType = actorType;
        _factory = factory;
        Mailbox = mailbox;
    }

    /// <summary>The type of actor the factory makes.</summary>
    public Type ActorType { get; }

    /// <summary>The mailbox kind for this actor; null for the system's default.</summary>
    public MailboxKind? Mailbox { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor(), null);

    /// <summary>Props from a factory, e.g. <c>Props.Create(() =&gt; new MegapoolActor(address, chain))</c>.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null);
    }

    /// <summary>A copy of these props with another mailbox kind.</summary>
    public Props WithMailbox(MailboxKind mailbox) => new(ActorType, _factory, mailbox);

    internal ActorBase NewActor()
    {
        var actor = _factory();
        return actor ?? throw new InvalidOperationException($"The factory for {ActorType.Name} returned null; it must return a new instance on every call.");
    }
}
