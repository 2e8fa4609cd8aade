namespace Keeper.Host.Node;

/// <summary>Levenshtein distance, for "did you mean" suggestions on misspelt keys.</summary>
internal static class EditDistance
{
    /// <summary>The fewest single-character insertions, deletions and substitutions turning one text into the other, ignoring letter case.</summary>
    public static int Between(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>How many edits still count as a misspelling of a text this long: a third of it, at least 2.</summary>
    public static int Allowance(int length) => Math.Max(2, length / 3);
}
