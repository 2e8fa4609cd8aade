namespace Keeper.Actors.Tests.Persistence;

/// <summary>A fresh temporary folder for one test's store file, deleted with everything in it when disposed.</summary>
internal sealed class TempStoreFolder : IDisposable
{
    public TempStoreFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "keeper-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>The store file's path (SQLite adds -wal and -shm files next to it).</summary>
    public string StorePath => Path.Combine(Folder, "keeper.db");

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
