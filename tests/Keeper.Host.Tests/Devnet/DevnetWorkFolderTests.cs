using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Host.Tests.Devnet;

/// <summary>The devnet's work folder: new or empty at the start, only logs and the report left at the end.</summary>
public sealed class DevnetWorkFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("keeper-workfolder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Prepare_MissingFolder_CreatesIt()
    {
        var dir = Path.Combine(_root, "a", "b");

        DevnetWorkFolder.Prepare(dir);

        Assert.True(Directory.Exists(dir));
    }

    [Fact]
    public void Prepare_EmptyFolder_Accepted()
    {
        DevnetWorkFolder.Prepare(_root);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void Prepare_FolderWithEntries_RefusedNamingTheFolderTheFirstEntriesAndTheFix()
    {
        foreach (var name in new[] { "node-2.log", "keeper.db", "node-1.log", "report.json" })
        {
            File.WriteAllText(Path.Combine(_root, name), name);
        }

        var error = Assert.Throws<CliInputException>(() => DevnetWorkFolder.Prepare(_root));

        Assert.Equal(
            $"the work folder {_root} is not empty (it holds keeper.db, node-1.log, node-2.log, ...). A devnet writes its own keystores, store and logs "
            + "there, and removes all but the logs when it ends: give --dir a new or empty folder, or leave --dir out for a new temporary one.",
            error.Message);
        Assert.Equal(4, Directory.EnumerateFileSystemEntries(_root).Count());
    }

    [Fact]
    public void Clean_RunLeftovers_KeepsOnlyLogsAndTheReport()
    {
        foreach (var name in new[] { "node-1.log", "node-2.log", "report.json", "node-1.conf", "node-1.keystore.json", "node-1.password", "node-1.status.json", "keeper.db", "keeper.db-wal" })
        {
            File.WriteAllText(Path.Combine(_root, name), name);
        }

        Directory.CreateDirectory(Path.Combine(_root, "sub.log"));
        File.WriteAllText(Path.Combine(_root, "sub.log", "inner"), "x");

        var kept = DevnetWorkFolder.Clean(_root, Path.Combine(_root, "report.json"));

        string[] expected = ["node-1.log", "node-2.log", "report.json"];
        Assert.Equal(expected, kept.Select(Path.GetFileName));
        Assert.Equal(expected, Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Clean_ReportElsewhere_ItsNameInTheFolderIsNotKept()
    {
        File.WriteAllText(Path.Combine(_root, "report.json"), "a file the run wrote");

        var kept = DevnetWorkFolder.Clean(_root, Path.Combine(Path.GetTempPath(), "report.json"));

        Assert.Empty(kept);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }
}
