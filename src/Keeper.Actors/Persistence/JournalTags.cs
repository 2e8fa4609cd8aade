namespace Keeper.Actors.Persistence;

/// <summary>
/// The tags column's text form, as in Akka.Persistence.Sql's CSV tag mode but with the separator also at both ends
/// (<c>;a;b;</c>) so a tag query is an exact substring match on <c>;tag;</c> and never matches a longer tag.
/// </summary>
internal static class JournalTags
{
    public const char Separator = ';';

    public static string? Encode(IReadOnlyList<string> tags) =>
        tags.Count == 0 ? null : Separator + string.Join(Separator, tags) + Separator;

    public static IReadOnlyList<string> Decode(string? column) =>
        string.IsNullOrEmpty(column) ? [] : column.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    public static string Needle(string tag) => Separator + tag + Separator;
}
