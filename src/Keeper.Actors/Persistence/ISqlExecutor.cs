using System.Data.Common;

namespace Keeper.Actors.Persistence;

/// <summary>
/// How a SQL store runs work on its connections, so the claim store and the store probe are written once over plain ADO.NET
/// and run on SQLite and PostgreSQL alike. The store owns connection handling, locking and error translation.
/// </summary>
internal interface ISqlExecutor
{
    /// <summary>Where the store lives, for error messages: a file path or <c>host:port/database</c>.</summary>
    string Location { get; }

    /// <summary>Runs <paramref name="body"/> on an open connection outside any explicit transaction.</summary>
    /// <exception cref="StoreException">The store could not be reached, read or written.</exception>
    Task<T> ExecuteReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="body"/> in a transaction and commits it when the body returns; an exception from the body rolls
    /// it back and propagates. SQLite serializes these transactions; PostgreSQL runs them concurrently at read committed.
    /// </summary>
    /// <exception cref="StoreException">The store could not be reached, read or written.</exception>
    Task<T> ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken);
}
