namespace Keeper.Actors.Persistence;

/// <summary>
/// Keeper's SQL store could not be prepared or reached. The message names the store (<see cref="SqlStoreLocation"/>'s
/// description, never its password), says what failed and what to check; the inner exception is the driver's error.
/// </summary>
public sealed class SqlStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="store">The store's description.</param>
    /// <param name="message">What failed and what to do about it.</param>
    /// <param name="innerException">The driver's or file system's error, when there is one.</param>
    public SqlStoreException(string store, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Store = store;
    }

    /// <summary>The store's description ("SQLite file ...", "PostgreSQL database ... on host:port").</summary>
    public string Store { get; }
}
