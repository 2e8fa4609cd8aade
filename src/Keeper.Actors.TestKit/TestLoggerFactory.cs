using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Keeper.Actors.TestKit;

/// <summary>
/// A logger factory that keeps every entry for assertions (e.g. "the failure was logged") and, when given an
/// xunit output, writes them to the test's output too.
/// </summary>
public sealed class TestLoggerFactory(ITestOutputHelper? output = null) : ILoggerFactory
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>The entries so far, in the order they were logged.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TestLogger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The TestLoggerFactory captures entries itself and takes no providers.");

    /// <inheritdoc />
    public void Dispose()
    {
    }

    internal void Add(CapturedLog entry)
    {
        _entries.Enqueue(entry);
        if (output is null)
        {
            return;
        }

        try
        {
            output.WriteLine($"[{entry.Level}] {entry.Category}: {entry.Message}{(entry.Exception is null ? string.Empty : " " + entry.Exception)}");
        }
        catch (InvalidOperationException)
        {
            // xunit rejects output after the test has finished; late entries (shutdown) are still captured above.
        }
    }
}
