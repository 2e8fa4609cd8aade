namespace Keeper.Actors.Runtime;

/// <summary>The parent's side of a child's failure: ask the strategy, count restarts, back off, or stop.</summary>
internal sealed partial class ActorCell
{
    private void HandleChildFailed(Failed failed)
    {
        var child = failed.Child;
        if (!IsChild(child) || child.StopRequested)
        {
            // A child that is already stopping (or gone) needs no decision.
            return;
        }

        var strategy = _actor?.GetSupervisorStrategy() ?? SupervisorStrategy.Default;
        var directive = Decide(strategy, failed.Cause);
        var childPath = child.Path;
        switch (directive)
        {
            case Directive.Resume:
                LogDecision(_system.RuntimeLogger, Path, childPath, directive, failed.Cause.GetType().Name);
                child.SendSystemMessage(new Resume());
                break;
            case Directive.Restart:
                RestartChild(child, strategy, failed.Cause);
                break;
            case Directive.Escalate when _parent is not null:
                LogDecision(_system.RuntimeLogger, Path, childPath, directive, failed.Cause.GetType().Name);
                HandleFailure(failed.Cause, null);
                break;
            default:
                // Stop, or an escalation that reached the guardian, which has no one to escalate to.
                LogDecision(_system.RuntimeLogger, Path, childPath, Directive.Stop, failed.Cause.GetType().Name);
                StopChild(child);
                break;
        }
    }

    private Directive Decide(SupervisorStrategy strategy, Exception cause)
    {
        try
        {
            return strategy.Decider(cause);
        }
        catch (Exception ex)
        {
            // A decider that throws cannot be trusted to decide; stopping the child is the safe answer.
            LogHookFailed(_system.RuntimeLogger, Path, "SupervisorStrategy.Decider", ex);
            return Directive.Stop;
        }
    }

    private void RestartChild(ActorCell child, SupervisorStrategy strategy, Exception cause)
    {
        var decision = child.RestartStatistics.Request(_system.TimeProvider.GetUtcNow(), strategy);
        child.RestartStatistics = decision.Statistics;
        var childPath = child.Path;
        if (!decision.Allowed)
        {
            LogRetryLimitExceeded(_system.RuntimeLogger, childPath, decision.Statistics.Count - 1, strategy.MaxRetries, strategy.Window);
            StopChild(child);
            return;
        }

        LogRestarting(_system.RuntimeLogger, Path, childPath, decision.Statistics.Count, decision.Delay);
        if (decision.Delay == TimeSpan.Zero)
        {
            child.SendSystemMessage(new Recreate(cause));
        }
        else
        {
            // The child stays suspended through the backoff; its mailbox keeps what arrives meanwhile.
            _system.Scheduler.ScheduleOnce(decision.Delay, () => child.SendSystemMessage(new Recreate(cause)));
        }
    }
}
