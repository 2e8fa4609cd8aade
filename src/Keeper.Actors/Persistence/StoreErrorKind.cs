namespace Keeper.Actors.Persistence;

/// <summary>What went wrong with a store, so a host can decide between waiting, alerting and refusing to start.</summary>
public enum StoreErrorKind
{
    /// <summary>The store could not be opened or created (missing folder that cannot be created, permission denied).</summary>
    CannotOpen,

    /// <summary>Another process held a lock for longer than the configured busy timeout.</summary>
    Locked,

    /// <summary>The store, or the folder it needs to write in, is read-only.</summary>
    ReadOnly,

    /// <summary>The store's file is corrupt or not a store at all.</summary>
    Corrupt,

    /// <summary>The disk is full.</summary>
    DiskFull,

    /// <summary>The store was created by a newer Keeper whose schema this build does not know.</summary>
    SchemaTooNew,

    /// <summary>Any other I/O or database error.</summary>
    Io,

    /// <summary>
    /// The store's server could not be reached or did not answer in time (refused or timed-out connection, server shutting
    /// down or restarting). Usually temporary: retry later; meanwhile act as if the store were missing.
    /// </summary>
    Unavailable,
}
