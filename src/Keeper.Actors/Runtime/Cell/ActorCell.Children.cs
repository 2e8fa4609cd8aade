namespace Keeper.Actors.Runtime;

/// <summary>Children: creation with unique names, lookup and stopping.</summary>
internal sealed partial class ActorCell
{
    private ChildrenContainer? _children;

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            var children = _children;
            if (children is null)
            {
                return [];
            }

            lock (children.Gate)
            {
                return [.. children.Cells.Select(static c => (IActorRef)c.Self)];
            }
        }
    }

    public IActorRef? Child(string name)
    {
        var children = _children;
        if (children is null)
        {
            return null;
        }

        lock (children.Gate)
        {
            return children.TryGet(name, out var cell) ? cell!.Self : null;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ValidateName(name);
        }

        var children = EnsureChildren();
        ActorCell child;
        lock (children.Gate)
        {
            if (children.Terminating || _closed)
            {
                throw new InvalidOperationException(
                    $"{Path} is stopping and cannot start the child '{name ?? "(unnamed)"}'. Start children before stopping, or from a living actor.");
            }

            name ??= children.NextName();
            if (children.Contains(name))
            {
                throw new InvalidActorNameException(
                    $"The actor name '{name}' is not unique under {Path}: a sibling with that name is alive or still stopping. Pick another name or wait for Terminated.");
            }

            child = new ActorCell(_system, this, _self, props, Path.Child(name));
            children.Add(name, child);
        }

        child.Start();
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not LocalActorRef local)
        {
            return;
        }

        if (ReferenceEquals(local.Cell, this))
        {
            // Stopping self takes effect after the current message, through the mailbox like any stop.
            _self.SendSystemMessage(new Terminate());
        }
        else if (ReferenceEquals(local.Cell._parent, this))
        {
            StopChild(local.Cell);
        }
        else
        {
            local.SendSystemMessage(new Terminate());
        }
    }

    internal static void ValidateName(string name)
    {
        if (name.Length == 0 || name[0] == '$' || name.Any(static c => c == '/' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new InvalidActorNameException(
                $"The actor name '{name}' is invalid: it must be non-empty, must not start with '$' (reserved for generated names) and must not contain '/' or whitespace.");
        }
    }

    private static void StopChild(ActorCell child)
    {
        child.StopRequested = true;
        child.SendSystemMessage(new Terminate());
    }

    private ChildrenContainer EnsureChildren()
    {
        var children = Volatile.Read(ref _children);
        if (children is not null)
        {
            return children;
        }

        Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
        return _children!;
    }

    private ActorCell[] SetTerminatingAndSnapshotChildren()
    {
        _terminating = true;
        var children = EnsureChildren();
        lock (children.Gate)
        {
            children.Terminating = true;
            return [.. children.Cells];
        }
    }

    private bool HasStoppingChildren()
    {
        var children = _children;
        if (children is null)
        {
            return false;
        }

        lock (children.Gate)
        {
            return children.Cells.Any(static c => c.StopRequested);
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        var children = EnsureChildren();
        int remaining;
        lock (children.Gate)
        {
            children.Remove(child);
            remaining = children.Count;
        }

        if (_terminating)
        {
            if (remaining == 0)
            {
                FinishTerminate();
            }
        }
        else if (_recreateCause is not null && !HasStoppingChildren())
        {
            FinishRecreate();
        }
    }

    private bool IsChild(ActorCell cell)
    {
        var children = _children;
        if (children is null)
        {
            return false;
        }

        lock (children.Gate)
        {
            return children.TryGet(cell.Path.Name, out var current) && ReferenceEquals(current, cell);
        }
    }
}
