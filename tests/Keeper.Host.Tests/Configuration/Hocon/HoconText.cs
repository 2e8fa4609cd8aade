using System.Text;
using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Tests.Configuration.Hocon;

/// <summary>Parses and resolves test documents and renders trees as compact canonical JSON for exact comparisons.</summary>
internal static class HoconText
{
    /// <summary>No environment: tests that need variables pass their own lookup.</summary>
    public static readonly Func<string, string?> NoEnvironment = _ => null;

    public static HoconObject Resolve(string text, Func<string, string?>? environment = null) =>
        HoconResolver.Resolve(HoconParser.Parse(text, "test.conf"), environment ?? NoEnvironment);

    public static string Json(string text, Func<string, string?>? environment = null) => Json(Resolve(text, environment));

    public static string Json(HoconValue value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, child) in obj.Fields)
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    HoconPrinter.AppendQuoted(builder, key);
                    builder.Append(':');
                    Append(builder, child);
                }

                builder.Append('}');
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Append(builder, array.Items[i]);
                }

                builder.Append(']');
                break;
            case HoconString s:
                HoconPrinter.AppendQuoted(builder, s.Value);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
            default:
                throw new InvalidOperationException($"unresolved {value.KindName}");
        }
    }
}
