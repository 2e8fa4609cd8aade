using System.Globalization;
using System.Text;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Persistence;

/// <summary>
/// The Akka configuration that makes Akka.Persistence.Sql Keeper's journal and snapshot store, on a SQLite file or a
/// PostgreSQL database, and the preparation a SQLite file needs before the actor system starts.
/// </summary>
/// <remarks>
/// <para>
/// Table names: Akka.Persistence.Sql's default mapping names its tables <c>journal</c>, <c>tags</c> and
/// <c>snapshot</c>. Keeper's earlier hand-written store created <c>journal</c>, <c>journal_metadata</c> and
/// <c>snapshot</c> in the same file or database with other columns (stores made then still hold them), and the claim
/// table (and, in stores made before Akka.Cluster, the retired membership tables) live there too. Auto-initialization only creates missing tables, so on such a store the plugin
/// would find a <c>journal</c> of the wrong shape and fail at the first write.
/// The plugin's tables therefore get their own names, <see cref="JournalTable"/>, <see cref="TagTable"/>,
/// <see cref="MetadataTable"/> and <see cref="SnapshotTable"/>, with the default mapping's columns.
/// </para>
/// <para>
/// SQLite durability: Microsoft.Data.Sqlite's connection string has no <c>synchronous</c> keyword (it throws
/// "Connection string keyword 'synchronous' is not supported") and Akka.Persistence.Sql opens its connections from the
/// connection string alone. The native library it ships (SQLitePCLRaw e_sqlite3, SQLite 3.53) is compiled with
/// <c>SQLITE_DEFAULT_SYNCHRONOUS=2</c> and <c>SQLITE_DEFAULT_WAL_SYNCHRONOUS=2</c>, so every connection opens with
/// <c>synchronous=FULL</c>, WAL included: each commit is fsynced before the write is acknowledged. A test checks it on a
/// connection opened exactly as the plugin opens its own, so a package update that changes the default fails the build.
/// </para>
/// </remarks>
public static class SqlPersistenceConfig
{
    /// <summary>The journal table (default-mapping columns: ordering, persistence_id, sequence_number, manifest, message, ...).</summary>
    public const string JournalTable = "akka_journal";

    /// <summary>The table of event tags (one row per tag of an event).</summary>
    public const string TagTable = "akka_journal_tags";

    /// <summary>The metadata table; only created in delete-compatibility mode, which Keeper leaves off.</summary>
    public const string MetadataTable = "akka_journal_metadata";

    /// <summary>The snapshot table.</summary>
    public const string SnapshotTable = "akka_snapshot";

    /// <summary>The journal's plugin id.</summary>
    public const string JournalPluginId = SqlPersistence.JournalConfigPath;

    /// <summary>The snapshot store's plugin id.</summary>
    public const string SnapshotPluginId = SqlPersistence.SnapshotStoreConfigPath;

    /// <summary>
    /// The configuration of the journal, snapshot store and read journal on <paramref name="store"/>, falling back to
    /// Akka.Persistence.Sql's reference configuration (without it Akka fails with "Plugin class name must be defined").
    /// Put <see cref="KeeperSerializer.Configuration"/> in front of it, or the events are stored with type names.
    /// </summary>
    public static Config For(SqlStoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ConfigurationFactory.ParseString(Hocon(store)).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>The HOCON of <see cref="For"/>, without the fallback (it holds the connection string: do not log it).</summary>
    public static string Hocon(SqlStoreLocation store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = Quote(store.ConnectionString);
        var provider = Quote(store.ProviderName);
        // SQLite takes one writer at a time: several concurrent write transactions of the journal would only queue on
        // the file lock (Microsoft.Data.Sqlite polls a busy file), while one writer takes whole batches of events from
        // every actor in one transaction and one fsync. PostgreSQL keeps the plugin's default of 3.
        var parallelism = store.Kind == SqlStoreKind.Sqlite ? 1 : 3;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.persistence {
              journal {
                plugin = "{{JournalPluginId}}"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  # Create the tables when missing (CREATE TABLE IF NOT EXISTS); never alters existing ones.
                  auto-initialize = on
                  table-mapping = default
                  # Deletes keep the highest sequence number in the journal itself; no metadata table.
                  delete-compatibility-mode = off
                  # Keeper does not tag events; tags would go to their own table, which the plugin recommends over CSV.
                  tag-write-mode = TagTable
                  parallelism = {{parallelism}}
                  # A write is acknowledged once committed. 30 s covers linq2db's first-use warm-up (0.8-1.6 s measured),
                  # a SQLite lock held by another process (up to the busy timeout, 20 s) and a slow fsync on a loaded
                  # 2-core host: a timed-out write fails the persisting actor although the row may still land, so a
                  # spurious timeout costs more than a slow one. Ten failures in a row open the breaker for 30 s, during
                  # which writes fail at once instead of piling up on a store that is down.
                  circuit-breaker {
                    max-failures = 10
                    call-timeout = 30s
                    reset-timeout = 30s
                  }
                  # Longest wait for the next replayed event (and for the snapshot before them). A few hundred events
                  # replay in under 0.2 s, so 60 s only trips on a store that stopped answering: the recovery then
                  # fails loudly and the actor's supervisor retries, instead of hanging.
                  recovery-event-timeout = 60s
                  default {
                    journal {
                      table-name = "{{JournalTable}}"
                      # Each row records the incarnation that wrote it (the replay filter reads it back). The fence
                      # against two writers of one persistence id is the unique index on (persistence_id,
                      # sequence_number) the plugin creates: the second writer's first conflicting write fails.
                      use-writer-uuid-column = on
                    }
                    tag.table-name = "{{TagTable}}"
                    metadata.table-name = "{{MetadataTable}}"
                  }
                }
              }
              snapshot-store {
                plugin = "{{SnapshotPluginId}}"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  auto-initialize = on
                  table-mapping = default
                  # Snapshots are larger and rarer than events; same reasoning as the journal's breaker.
                  circuit-breaker {
                    max-failures = 5
                    call-timeout = 30s
                    reset-timeout = 60s
                  }
                  default.snapshot.table-name = "{{SnapshotTable}}"
                }
              }
              # The read journal (Akka.Persistence.Query) reads the same tables; the reference configuration copies the
              # journal's mapping when it is loaded, so the table names are repeated here.
              query.journal.sql {
                write-plugin = "{{JournalPluginId}}"
                connection-string = {{connection}}
                provider-name = {{provider}}
                table-mapping = default
                tag-read-mode = TagTable
                default {
                  journal.table-name = "{{JournalTable}}"
                  tag.table-name = "{{TagTable}}"
                  metadata.table-name = "{{MetadataTable}}"
                }
              }
            }
            """);
    }

    /// <summary>
    /// Makes a SQLite store ready before the actor system starts: creates the folder and the file when missing and
    /// switches the file to WAL (a property of the file, so it holds for every later connection, the plugin's
    /// included). WAL lets readers run while one writer commits, which the journal, snapshots and gate claims sharing
    /// the file need.
    /// </summary>
    /// <param name="path">The SQLite file (<c>keeper.store.path</c>).</param>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    /// <returns>The store's location, for <see cref="For"/> and <see cref="StoreBinding.EnsureAsync"/>.</returns>
    /// <exception cref="SqlStoreException">The folder or file cannot be created, or the file refuses WAL (a network file system).</exception>
    public static async Task<SqlStoreLocation> PrepareSqliteAsync(string path, CancellationToken cancellationToken)
    {
        var store = SqlStoreLocation.Sqlite(path);
        var file = store.SqlitePath!;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var connection = new SqliteConnection(store.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new SqlStoreException(
                    store.Description,
                    $"The {store} stays in journal mode '{mode}' instead of WAL. WAL needs a local disk (shared memory); " +
                    "put keeper.store.path on a local file system.");
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new SqlStoreException(
                store.Description,
                $"The {store} cannot be created or opened: {e.Message}. Check that the folder exists or can be created and that this user may write it.",
                e);
        }

        return store;
    }

    /// <summary>A HOCON quoted string: the connection string may hold any character, a password's included.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
