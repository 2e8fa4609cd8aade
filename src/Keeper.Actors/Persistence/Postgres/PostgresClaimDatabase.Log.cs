using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Persistence.Postgres;

/// <content>Logging for <see cref="PostgresClaimDatabase"/>.</content>
public sealed partial class PostgresClaimDatabase
{
    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL claim database {Location} open: schema version {SchemaVersion}, {AppliedMigrations} migration(s) applied now")]
    private static partial void LogOpened(ILogger logger, string location, int schemaVersion, int appliedMigrations);
}
