namespace Keeper.Actors.Persistence;

/// <summary>
/// Thrown when the claim database (claims) cannot be read or written. The message names the store (file
/// path or server), says what is wrong and what to do about it.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(StoreErrorKind kind, string location, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Location = location;
    }

    /// <summary>What went wrong.</summary>
    public StoreErrorKind Kind { get; }

    /// <summary>The store's file path (SQLite) or server and database (PostgreSQL).</summary>
    public string Location { get; }
}
