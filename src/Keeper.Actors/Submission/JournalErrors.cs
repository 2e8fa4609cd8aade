using Microsoft.Data.Sqlite;
using Npgsql;

namespace Keeper.Actors.Submission;

/// <summary>What a failed journal write means.</summary>
internal static class JournalErrors
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>
    /// True when the journal refused the write because the sequence number is already taken: the unique index on
    /// (persistence id, sequence number) fired, so another writer journaled under the same persistence id.
    /// </summary>
    public static bool IsSequenceTaken(Exception cause)
    {
        for (var e = cause; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteConstraint } or PostgresException { SqlState: PostgresUniqueViolation })
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsSequenceTaken))
            {
                return true;
            }
        }

        return false;
    }
}
