using System.Globalization;

namespace Keeper.Host.Http;

/// <summary>The times <c>/api/history</c> and <c>keeper report</c> take: an ISO 8601 date or date-time, UTC unless it says otherwise.</summary>
public static class HistoryTime
{
    /// <summary>What is accepted, for error messages.</summary>
    public const string Format = "an ISO 8601 date (2026-12-06, midnight UTC) or date-time (2026-12-06T18:30:00Z, or with an offset such as +01:00; UTC when none)";

    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <summary>Reads <paramref name="text"/>; false when it is neither form.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            time = new DateTimeOffset(date, TimeSpan.Zero);
            return true;
        }

        // A date-time needs its 'T' (or a space) and a time: "2026-12" or "yesterday" are refused, not guessed.
        if (text.Length < 16 || (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
