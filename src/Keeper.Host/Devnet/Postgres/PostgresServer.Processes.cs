using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Keeper.Host.Devnet.Postgres;

/// <content>Running the server's tools and processes.</content>
public sealed partial class PostgresServer
{
    private async Task RunToolAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = StartInfo(file);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output + await errors;
        Append(text);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{text}");
        }
    }

    private ProcessStartInfo StartInfo(string file)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (_user is not null)
        {
            info.UserName = _user;
        }

        // The server and tools print in English whatever the host's locale, so the readiness line is recognized.
        info.Environment["LC_ALL"] = "C";
        return info;
    }

    private void Append(string text)
    {
        lock (_log)
        {
            _log.AppendLine(text);
        }
    }

    private void KillNow()
    {
        // The test process is exiting without disposing (a crash or an aborted run): kill the server, then remove its files.
        if (_process is { } process)
        {
            Kill(process);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        try
        {
            DeleteFolder(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort while exiting; a leftover keeper-pg-* folder in the temp folder is harmless.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
