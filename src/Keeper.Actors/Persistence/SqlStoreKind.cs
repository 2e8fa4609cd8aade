namespace Keeper.Actors.Persistence;

/// <summary>The database behind Keeper's store (<c>keeper.store.kind</c>).</summary>
public enum SqlStoreKind
{
    /// <summary>One SQLite file, for the processes of one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by a cluster across hosts.</summary>
    Postgres,
}
