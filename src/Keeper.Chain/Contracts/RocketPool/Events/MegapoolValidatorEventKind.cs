namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary>The per-validator events a megapool emits.</summary>
public enum MegapoolValidatorEventKind
{
    /// <summary><c>MegapoolValidatorEnqueued</c>.</summary>
    Enqueued,

    /// <summary><c>MegapoolValidatorDequeued</c>.</summary>
    Dequeued,

    /// <summary><c>MegapoolValidatorAssigned</c>: the dissolve clock starts.</summary>
    Assigned,

    /// <summary><c>MegapoolValidatorStaked</c>.</summary>
    Staked,

    /// <summary><c>MegapoolValidatorDissolved</c>.</summary>
    Dissolved,

    /// <summary><c>MegapoolValidatorLocked</c>.</summary>
    Locked,

    /// <summary><c>MegapoolValidatorUnlocked</c>.</summary>
    Unlocked,

    /// <summary><c>MegapoolValidatorExiting</c>.</summary>
    Exiting,

    /// <summary><c>MegapoolValidatorExited</c> (its id is indexed as uint32, unlike the others).</summary>
    Exited,
}
