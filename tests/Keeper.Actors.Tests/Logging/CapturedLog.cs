using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tests.Logging;

/// <summary>One log entry captured by a <see cref="CapturingLoggerFactory"/>.</summary>
/// <param name="Category">The logger's category (the actor's full type name).</param>
/// <param name="Level">The level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
