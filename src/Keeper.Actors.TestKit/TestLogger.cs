using Microsoft.Extensions.Logging;

namespace Keeper.Actors.TestKit;

/// <summary>A logger of a <see cref="TestLoggerFactory"/>; every level is enabled.</summary>
internal sealed class TestLogger(TestLoggerFactory factory, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        factory.Add(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
