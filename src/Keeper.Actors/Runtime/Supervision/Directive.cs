namespace Keeper.Actors.Runtime;

/// <summary>What a supervisor does with a child that threw.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message.</summary>
    Resume = 0,

    /// <summary>Replace the instance with a fresh one (pre- and post-restart hooks run); messages waiting in the mailbox are kept.</summary>
    Restart = 1,

    /// <summary>Stop the child.</summary>
    Stop = 2,

    /// <summary>Fail the supervisor itself with the child's exception, so its own parent decides.</summary>
    Escalate = 3,
}
