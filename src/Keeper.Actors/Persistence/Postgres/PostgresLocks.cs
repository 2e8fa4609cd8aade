namespace Keeper.Actors.Persistence.Postgres;

/// <summary>
/// The transaction-scoped advisory locks the claim database takes (<c>pg_advisory_xact_lock(class, id)</c>); they are per
/// database and released at commit or rollback, so a crashed client never leaves one behind.
/// </summary>
internal static class PostgresLocks
{
    /// <summary>The lock class shared by all of Keeper's locks ("KEPR"), so they are recognizable in <c>pg_locks</c>.</summary>
    public const int Class = 0x4B455052;

    /// <summary>Held while migrating the schema, so processes starting at once take turns.</summary>
    public const int Migration = 1;

    // 2 was the retired hand-written journal's write lock: never reuse it, a node of an older build may still take it.

    public static string Sql(int id) => $"SELECT pg_advisory_xact_lock({Class}, {id})";
}
