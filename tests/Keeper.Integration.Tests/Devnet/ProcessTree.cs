using System.Globalization;

namespace Keeper.Integration.Tests.Devnet;

/// <summary>Linux processes read from /proc: a process's descendants, and whether one of them still runs.</summary>
public static class ProcessTree
{
    /// <summary>Every live descendant of <paramref name="root"/> (children, their children, ...).</summary>
    public static IReadOnlyList<ProcessEntry> Descendants(int root)
    {
        var all = All();
        var found = new List<ProcessEntry>();
        var parents = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (entry, parent) in all)
            {
                if (parents.Contains(parent) && parents.Add(entry.Pid))
                {
                    found.Add(entry);
                    grew = true;
                }
            }
        }

        return found;
    }

    /// <summary>Every live process whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<ProcessEntry> WithCommandLine(string text) =>
        All().Select(p => p.ProcessEntry).Where(e => e.CommandLine.Contains(text, StringComparison.Ordinal)).ToArray();

    /// <summary>Whether the process still runs (a zombie, exited and not yet reaped, does not).</summary>
    public static bool IsAlive(ProcessEntry entry) => Read(entry.Pid) is { } now && now.ProcessEntry.StartTime == entry.StartTime;

    private static List<(ProcessEntry ProcessEntry, int Parent)> All()
    {
        var all = new List<(ProcessEntry, int)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } process)
            {
                all.Add(process);
            }
        }

        return all;
    }

    private static (ProcessEntry ProcessEntry, int Parent)? Read(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (name) state ppid ... starttime" (starttime is field 22); the name may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            if (fields[0] == "Z" || fields[0] == "X")
            {
                return null;
            }

            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return (new ProcessEntry(pid, ulong.Parse(fields[19], CultureInfo.InvariantCulture), name, commandLine), int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // Gone between listing and reading.
        }
    }
}
