namespace Keeper.Actors.Runtime;

/// <summary>System messages, failure, restart and stop.</summary>
internal sealed partial class ActorCell
{
    private bool _suspended;
    private bool _terminating;
    private Exception? _recreateCause;

    /// <summary>Set by the parent when it has asked this child to stop; read only by the parent.</summary>
    public bool StopRequested { get; set; }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateActor();
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Recreate recreate:
                BeginRecreate(recreate.Cause);
                break;
            case Resume:
                ResumeAfterFailure();
                break;
            case Failed failed:
                HandleChildFailed(failed);
                break;
            case ChildTerminated terminated:
                HandleChildTerminated(terminated.Child);
                break;
            case Watch watch:
                AddWatcher(watch);
                break;
            case Unwatch unwatch:
                RemoveWatcher(unwatch);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification.Actor);
                break;
            default:
                throw new InvalidOperationException($"Unknown system message {message.GetType().Name}.");
        }
    }

    private void HandleSystemMessageAfterDeath(SystemMessage message)
    {
        // A watch that arrives after death is answered at once; everything else is moot.
        if (message is Watch watch && ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self));
        }
    }

    /// <summary>The actor threw: suspend and let the parent decide.</summary>
    private void HandleFailure(Exception exception, object? message)
    {
        LogActorFailed(_system.RuntimeLogger, Path, message?.GetType().Name ?? "(none)", exception);
        if (_terminating || _closed)
        {
            // A stopping actor is not restarted; the failure is only logged.
            return;
        }

        _suspended = true;
        _parentRef.SendSystemMessage(new Failed(this, exception));
    }

    private void ResumeAfterFailure()
    {
        if (_terminating || !_suspended || _recreateCause is not null)
        {
            return;
        }

        _suspended = false;
        if (_actor is null)
        {
            // Resuming an actor whose construction failed would leave nothing to process messages.
            CreateActor();
        }
    }

    private void BeginRecreate(Exception cause)
    {
        if (_terminating || _recreateCause is not null)
        {
            return;
        }

        var old = _actor;
        _actor = null;
        if (old is not null)
        {
            try
            {
                old.InvokePreRestart(cause, _message);
            }
            catch (Exception ex)
            {
                LogHookFailed(_system.RuntimeLogger, Path, "PreRestart", ex);
            }
        }

        _timers?.CancelAll();
        _timers = null;
        UnstashAll();
        _message = null;
        _sender = null;
        _recreateCause = cause;
        if (!HasStoppingChildren())
        {
            FinishRecreate();
        }
    }

    /// <summary>Makes the fresh instance once the children the old one stopped are gone, so their names are free again.</summary>
    private void FinishRecreate()
    {
        var cause = _recreateCause!;
        _recreateCause = null;
        try
        {
            _actor = NewInstance();
            _actor.InvokePostRestart(cause);
            _suspended = false;
            LogActorRestarted(_system.RuntimeLogger, Path);
        }
        catch (Exception ex)
        {
            _actor = null;
            HandleFailure(new ActorInitializationException(Path, ex), null);
        }
    }

    private void BeginTerminate()
    {
        if (_terminating || _closed)
        {
            return;
        }

        var children = SetTerminatingAndSnapshotChildren();
        _timers?.CancelAll();
        foreach (var child in children)
        {
            StopChild(child);
        }

        if (children.Length == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        _actor = null;
        if (actor is not null)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception ex)
            {
                LogHookFailed(_system.RuntimeLogger, Path, "PostStop", ex);
            }
        }

        _closed = true;
        _message = null;
        _sender = null;
        DrainToDeadLetters();
        NotifyWatchersAndUnwatchAll();
        LogActorStopped(_system.RuntimeLogger, Path);
        if (_parent is not null)
        {
            _parent.SendSystemMessage(new ChildTerminated(this));
        }
        else
        {
            _system.OnGuardianTerminated();
        }
    }

    private void DrainToDeadLetters()
    {
        if (_stash is not null)
        {
            foreach (var envelope in _stash)
            {
                _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
            }

            _stash = null;
        }

        while (TryDequeue(out var envelope))
        {
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
        }

        _unstashed = null;
    }
}
