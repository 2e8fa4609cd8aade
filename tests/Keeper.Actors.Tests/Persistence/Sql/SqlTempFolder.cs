using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>
/// A fresh temporary folder for one test's SQLite store, deleted with everything in it (the -wal and -shm files too)
/// when disposed, after closing the pooled connections that still hold the file.
/// </summary>
internal sealed class SqlTempFolder : IDisposable
{
    public SqlTempFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "keeper-sql-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A store path one folder down, so the preparation has to create that folder.</summary>
    public string StorePath => Path.Combine(Folder, "store", "keeper.db");

    public void Dispose()
    {
        // Only this test's file: clearing every pool would close connections other tests are using.
        SqliteConnection.ClearPool(new SqliteConnection(Keeper.Actors.Persistence.SqlStoreLocation.Sqlite(StorePath).ConnectionString));
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
