using System.Diagnostics;

namespace Keeper.Integration.Tests.Host;

/// <summary>Debian's chromium, installed on first use (apt-get; the tests run as root), run headless to render a page.</summary>
internal static class Chromium
{
    private const string Binary = "/usr/bin/chromium";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Loads <paramref name="url"/>, lets its scripts run, and returns the DOM as HTML.</summary>
    public static async Task<string> DumpDomAsync(Uri url, TimeSpan timeout)
    {
        await EnsureInstalledAsync();
        var profile = Directory.CreateTempSubdirectory("keeper-chromium-").FullName;
        try
        {
            // --virtual-time-budget lets the page's fetches and timers run before the DOM is dumped.
            var (exitCode, stdout, stderr) = await RunAsync(Binary, timeout,
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                "--virtual-time-budget=8000", "--dump-dom", url.ToString());
            return exitCode == 0 && stdout.Length > 0
                ? stdout
                : throw new InvalidOperationException($"chromium --dump-dom {url} exited {exitCode}:\n{stderr}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(Binary))
            {
                return;
            }

            var install = await RunAsync("apt-get", TimeSpan.FromMinutes(10), "install", "-y", "--no-install-recommends", "chromium");
            if (install.ExitCode != 0)
            {
                // A fresh container has no package lists yet.
                await RunAsync("apt-get", TimeSpan.FromMinutes(5), "update");
                install = await RunAsync("apt-get", TimeSpan.FromMinutes(10), "install", "-y", "--no-install-recommends", "chromium");
            }

            if (install.ExitCode != 0 || !File.Exists(Binary))
            {
                throw new InvalidOperationException(
                    $"The dashboard test needs Debian's chromium at {Binary}, and `apt-get install -y chromium` failed (exit {install.ExitCode}). "
                    + $"Install it by hand (as root: apt-get update && apt-get install -y chromium).\n{install.Stderr}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
