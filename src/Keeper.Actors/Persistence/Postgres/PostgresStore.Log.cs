using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Persistence.Postgres;

/// <content>Logging for <see cref="PostgresStore"/>.</content>
public sealed partial class PostgresStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL store {Location} open: schema version {SchemaVersion}, {AppliedMigrations} migration(s) applied now")]
    private static partial void LogOpened(ILogger logger, string location, int schemaVersion, int appliedMigrations);
}
