using Keeper.Host.Cli;

namespace Keeper.Host.Devnet;

/// <summary>
/// The devnet's work folder. It must be new or empty, so everything in it is the run's own; when the run ends, however it
/// ends, the run removes all of it but what an operator reads afterwards: the node logs (<c>node-N.log</c>) and a report
/// written there. Node configs, keystores, password files, status files and the SQLite store go: they belong to a chain
/// that no longer runs.
/// </summary>
public static class DevnetWorkFolder
{
    /// <summary>Creates the folder if it is missing.</summary>
    /// <exception cref="CliInputException">It exists and is not empty; the message names it and the fix.</exception>
    public static void Prepare(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(4).ToArray() is { Length: > 0 } found)
        {
            throw new CliInputException(
                $"the work folder {path} is not empty (it holds {string.Join(", ", found.Take(3))}{(found.Length > 3 ? ", ..." : string.Empty)}). "
                + "A devnet writes its own keystores, store and logs there, and removes all but the logs when it ends: give --dir a new or "
                + "empty folder, or leave --dir out for a new temporary one.");
        }

        Directory.CreateDirectory(path);
    }

    /// <summary>Removes everything in the folder except the node logs and <paramref name="report"/>; returns what was kept.</summary>
    /// <param name="path">The work folder.</param>
    /// <param name="report">The report file, kept if it is in the folder; null for none.</param>
    public static IReadOnlyList<string> Clean(string path, string? report)
    {
        if (!Directory.Exists(path))
        {
            return [];
        }

        var kept = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).ToArray())
        {
            if (IsKept(entry, report))
            {
                kept.Add(entry);
            }
            else if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        return kept.Order(StringComparer.Ordinal).ToArray();
    }

    private static bool IsKept(string entry, string? report) =>
        (File.Exists(entry) && entry.EndsWith(".log", StringComparison.Ordinal))
        || (report is not null && string.Equals(Path.GetFullPath(entry), Path.GetFullPath(report), StringComparison.Ordinal));
}
