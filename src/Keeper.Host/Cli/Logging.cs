using System.Text.Json;
using Keeper.Host.Node;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Keeper.Host.Cli;

/// <summary>
/// The console logging every command uses, one entry per line with UTC timestamps: plain text, or one JSON object per line
/// for a log shipper (<c>KEEPER_LOG_FORMAT=json</c>); the level from <c>KEEPER_LOG_LEVEL</c> (default information).
/// Akka's and ASP.NET Core's own entries are kept to warnings and above.
/// </summary>
public static class Logging
{
    /// <summary>The variable naming the least level logged: trace, debug, information, warning, error, critical or none.</summary>
    public const string LevelVariable = "KEEPER_LOG_LEVEL";

    /// <summary>The variable naming the format: text (the default) or json.</summary>
    public const string FormatVariable = "KEEPER_LOG_FORMAT";

    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    /// <summary>Adds the console sink and the levels to a host's logging.</summary>
    /// <param name="builder">The host's logging.</param>
    /// <param name="environment">Reads an environment variable; null: the process environment.</param>
    /// <exception cref="SettingsException">A variable holds a value it cannot take; the message lists the ones it can.</exception>
    public static void Configure(ILoggingBuilder builder, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        environment ??= Environment.GetEnvironmentVariable;
        builder.SetMinimumLevel(Level(environment(LevelVariable)));
        if (Json(environment(FormatVariable)))
        {
            builder.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = TimestampFormat;
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = TimestampFormat + " ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }

        builder.AddFilter("Akka", LogLevel.Warning);
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Warning);
        builder.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Warning);
    }

    private static LogLevel Level(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => LogLevel.Information,
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "information" or "info" => LogLevel.Information,
        "warning" or "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "none" => LogLevel.None,
        _ => throw new SettingsException(LevelVariable, $"is '{value}'; set it to trace, debug, information, warning, error, critical or none (or leave it unset for information)."),
    };

    private static bool Json(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => false,
        "json" => true,
        _ => throw new SettingsException(FormatVariable, $"is '{value}'; set it to text (one line per entry, the default) or json (one JSON object per line)."),
    };
}
