using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Persistence;

/// <content>Logging for <see cref="SqliteClaimDatabase"/>.</content>
public sealed partial class SqliteClaimDatabase
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Claim database {Path} open: schema version {SchemaVersion}, {AppliedMigrations} migration(s) applied now")]
    private static partial void LogOpened(ILogger logger, string path, int schemaVersion, int appliedMigrations);
}
