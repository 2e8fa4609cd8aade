using System.Globalization;
using System.Text;

namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Renders a resolved tree as HOCON that <see cref="HoconParser"/> reads back to the same tree: one field per line,
/// strings always quoted, numbers as written.
/// </summary>
public static class HoconPrinter
{
    /// <summary>Renders the fields of <paramref name="root"/> without the root braces.</summary>
    /// <exception cref="ArgumentException">The tree still contains substitutions.</exception>
    public static string Print(HoconObject root)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in root.Fields)
        {
            AppendField(builder, key, value, 0);
        }

        return builder.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a JSON quoted string.</summary>
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    private static void AppendField(StringBuilder builder, string key, HoconValue value, int depth)
    {
        builder.Append(' ', depth * 2);
        AppendQuoted(builder, key);
        builder.Append(" = ");
        AppendValue(builder, value, depth);
        builder.Append('\n');
    }

    private static void AppendValue(StringBuilder builder, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconString s:
                AppendQuoted(builder, s.Value);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    AppendValue(builder, array.Items[i], depth);
                }

                builder.Append(']');
                break;
            case HoconObject obj:
                builder.Append("{\n");
                foreach (var (key, child) in obj.Fields)
                {
                    AppendField(builder, key, child, depth + 1);
                }

                builder.Append(' ', depth * 2).Append('}');
                break;
            default:
                throw new ArgumentException($"cannot print {value.KindName}; resolve the tree first", nameof(value));
        }
    }
}
