using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Persistence;

/// <content>Logging for <see cref="SqliteStore"/>.</content>
public sealed partial class SqliteStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Path} open: schema version {SchemaVersion}, {AppliedMigrations} migration(s) applied now")]
    private static partial void LogOpened(ILogger logger, string path, int schemaVersion, int appliedMigrations);
}
