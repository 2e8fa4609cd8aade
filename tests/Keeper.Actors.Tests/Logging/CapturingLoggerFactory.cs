using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tests.Logging;

/// <summary>
/// A logger factory that keeps every entry, for assertions such as "the failure was logged". Handed to a test's actor
/// system through <c>KeeperLoggingSetup</c>, it receives what the actors log through their <c>[LoggerMessage]</c> methods.
/// </summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>The entries so far, in the order they were logged.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The CapturingLoggerFactory keeps entries itself and takes no providers.");

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            factory._entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception));
        }
    }
}
