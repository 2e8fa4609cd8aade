using System.Net.Sockets;
using Npgsql;

namespace Keeper.Actors.Persistence.Postgres;

/// <summary>Turns Npgsql and network errors into <see cref="StoreException"/>s that say what to do.</summary>
internal static class PostgresErrors
{
    /// <summary>True for the exceptions the store translates; anything else (argument errors, bugs) passes through.</summary>
    public static bool IsStoreError(Exception exception) =>
        exception is NpgsqlException or SocketException or IOException or TimeoutException;

    public static StoreException Translate(Exception exception, string location, PostgresClaimDatabaseOptions options)
    {
        if (exception is PostgresException server)
        {
            return FromServer(server, location);
        }

        var timedOut = exception is TimeoutException || exception.InnerException is TimeoutException;
        var what = timedOut
            ? $"did not answer within the connect timeout ({options.ConnectTimeout.TotalSeconds:0.###} s) or command timeout "
              + $"({options.CommandTimeout.TotalSeconds:0.###} s)"
            : "cannot be reached (connection refused, reset or closed)";
        return new StoreException(
            StoreErrorKind.Unavailable,
            location,
            $"The PostgreSQL store {location} {what}: {Innermost(exception).Message}. Check the server is running and reachable from "
            + "this host; until it is, this node tracks but submits nothing.",
            exception);
    }

    private static StoreException FromServer(PostgresException exception, string location)
    {
        var detail = $"{exception.SqlState}: {exception.MessageText}";
        var state = exception.SqlState;
        return state switch
        {
            // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 57014 query_canceled (statement
            // timeout), class 08 connection exceptions, 53300 too_many_connections.
            "57P01" or "57P02" or "57P03" or "57014" or "53300" => Unavailable(location, detail, exception),
            _ when state.StartsWith("08", StringComparison.Ordinal) => Unavailable(location, detail, exception),
            "3D000" => new StoreException(
                StoreErrorKind.CannotOpen,
                location,
                $"The database of the PostgreSQL store {location} does not exist ({detail}). Create it (createdb) or fix the "
                + "database in keeper.store.connection-string.",
                exception),
            _ when state.StartsWith("28", StringComparison.Ordinal) => new StoreException(
                StoreErrorKind.CannotOpen,
                location,
                $"The PostgreSQL store {location} refused the login ({detail}). Check the user and password in "
                + "keeper.store.connection-string and the server's pg_hba.conf.",
                exception),
            "42501" => new StoreException(
                StoreErrorKind.CannotOpen,
                location,
                $"The database user lacks a privilege on the PostgreSQL store {location} ({detail}). Grant it CREATE and "
                + "read/write on the database's public schema.",
                exception),
            "25006" => new StoreException(
                StoreErrorKind.ReadOnly,
                location,
                $"The PostgreSQL store {location} is read-only ({detail}); it is probably a standby. Point "
                + "keeper.store.connection-string at the primary.",
                exception),
            "40P01" or "55P03" => new StoreException(
                StoreErrorKind.Locked,
                location,
                $"The PostgreSQL store {location} could not take a lock ({detail}). Another node or a tool holds long locks.",
                exception),
            "53100" => new StoreException(
                StoreErrorKind.DiskFull,
                location,
                $"The PostgreSQL server of {location} is out of disk space ({detail}); nothing of the failed operation was stored.",
                exception),
            "XX001" or "XX002" => new StoreException(
                StoreErrorKind.Corrupt,
                location,
                $"The PostgreSQL store {location} reports corrupted data ({detail}). Restore the database from a backup.",
                exception),
            _ => new StoreException(
                StoreErrorKind.Io,
                location,
                $"The PostgreSQL store {location} failed an operation ({detail}).",
                exception),
        };
    }

    private static StoreException Unavailable(string location, string detail, Exception exception) =>
        new(
            StoreErrorKind.Unavailable,
            location,
            $"The PostgreSQL store {location} is unavailable ({detail}): the server is shutting down, restarting, overloaded or "
            + "timed out a statement. Retry later; until it answers, this node tracks but submits nothing.",
            exception);

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
