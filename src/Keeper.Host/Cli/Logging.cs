using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Keeper.Host.Cli;

/// <summary>The console logging every command uses: one line per entry, UTC timestamps, level from KEEPER_LOG_LEVEL.</summary>
public static class Logging
{
    /// <summary>Adds the console sink and the levels to a host's logging.</summary>
    public static void Configure(ILoggingBuilder builder)
    {
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("KEEPER_LOG_LEVEL"), ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        builder.SetMinimumLevel(level);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.AddFilter("Akka", LogLevel.Warning);
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Warning);
        builder.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Warning);
    }
}
