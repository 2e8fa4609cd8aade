using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Keeper.Host.Devnet;

namespace Keeper.Integration.Tests.Devnet;

/// <summary><c>keeper devnet</c> as its own OS process, as an operator's shell starts it, with its output readable while it runs.</summary>
public sealed class DevnetProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiting = [];

    private DevnetProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>What it printed on standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What it printed on standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>keeper devnet <paramref name="args"/></c>.</summary>
    public static DevnetProcess Start(params string[] args)
    {
        var info = NodeProcess.KeeperCommand(["devnet", .. args]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = new Process { StartInfo = info };
        var devnet = new DevnetProcess(process);
        process.OutputDataReceived += (_, e) => devnet.OnLine(e.Data, devnet._output);
        process.ErrorDataReceived += (_, e) => devnet.OnLine(e.Data, devnet._error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return devnet;
    }

    /// <summary>Waits for a line of standard output matching <paramref name="pattern"/>; fails naming it if the process exits or time runs out first.</summary>
    public async Task<Match> WaitForLineAsync(string pattern, TimeSpan timeout)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (regex.Match(_output.ToString()) is { Success: true } already)
            {
                return already;
            }

            _waiting.Add((regex, found));
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(found.Task, exited, Task.Delay(timeout));
        if (first == found.Task)
        {
            return await found.Task;
        }

        throw new TimeoutException(
            (first == exited ? $"keeper devnet exited ({_process.ExitCode}) before printing a line matching '{pattern}'" : $"keeper devnet printed no line matching '{pattern}' within {timeout}")
            + $":\n{Output}\n{Error}");
    }

    /// <summary>Sends <paramref name="signal"/> (INT, TERM) with <c>kill</c>.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit and returns its exit code; fails with its output if it runs past <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"keeper devnet did not exit within {timeout}:\n{Output}\n{Error}");
        }

        // The exit wait returns once the output pipes are drained too.
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void OnLine(string? line, StringBuilder into)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            into.AppendLine(line);
            if (into != _output)
            {
                return;
            }

            var text = _output.ToString();
            foreach (var waiter in _waiting.ToArray())
            {
                if (waiter.Pattern.Match(text) is { Success: true } match)
                {
                    waiter.Found.TrySetResult(match);
                    _waiting.Remove(waiter);
                }
            }
        }
    }
}
