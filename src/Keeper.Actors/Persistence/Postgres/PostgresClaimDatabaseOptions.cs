namespace Keeper.Actors.Persistence.Postgres;

/// <summary>Which PostgreSQL database the claim database lives in and how long it waits for the server before giving up.</summary>
/// <param name="Store">
/// The node's store (<see cref="SqlStoreLocation.Postgres"/>): the same database as Akka.Persistence.Sql's journal and
/// snapshots. Its connection string must name the host; timeouts in it are overridden by <see cref="ConnectTimeout"/> and
/// <see cref="CommandTimeout"/>.
/// </param>
public sealed record PostgresClaimDatabaseOptions(SqlStoreLocation Store)
{
    /// <summary>The default <see cref="ConnectTimeout"/>.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default <see cref="CommandTimeout"/>.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long opening a connection may take before the operation fails with <see cref="StoreErrorKind.Unavailable"/>.
    /// Kept short so a node that cannot reach the store finds out quickly (and submits nothing) instead of hanging.
    /// Whole seconds, at least 1.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>
    /// How long one statement may run (including waiting for locks another node holds) before the operation fails with
    /// <see cref="StoreErrorKind.Unavailable"/>. Whole seconds, at least 1.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;
}
