using System.Globalization;
using System.Numerics;
using System.Text;

namespace Keeper.Host.Http;

/// <summary>
/// Writes the Prometheus text exposition format, version 0.0.4: per metric family one <c># HELP</c> and one
/// <c># TYPE</c> line, then its samples <c>name{label="value"} number</c>, each line ending in <c>\n</c>.
/// </summary>
public sealed class PrometheusText
{
    /// <summary>The Content-Type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);

    /// <summary>Starts a metric family.</summary>
    /// <param name="name">The metric name (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>).</param>
    /// <param name="type">counter, gauge, histogram, summary or untyped.</param>
    /// <param name="help">What it measures.</param>
    /// <exception cref="ArgumentException">The name is invalid or already used.</exception>
    public PrometheusText Family(string name, string type, string help)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid metric name.", nameof(name));
        }

        if (type is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
        {
            throw new ArgumentException($"'{type}' is not a metric type.", nameof(type));
        }

        if (!_families.Add(name))
        {
            throw new ArgumentException($"the metric family '{name}' was already written.", nameof(name));
        }

        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>Writes a sample with a whole-number value.</summary>
    public PrometheusText Sample(string name, BigInteger value, params (string Name, string Value)[] labels) =>
        Sample(name, value.ToString(CultureInfo.InvariantCulture), labels);

    /// <summary>Writes a sample with a floating-point value.</summary>
    public PrometheusText SampleFloat(string name, double value, params (string Name, string Value)[] labels) =>
        Sample(name, FormatDouble(value), labels);

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private PrometheusText Sample(string name, string value, (string Name, string Value)[] labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                _text.Append(i == 0 ? string.Empty : ",").Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(value).Append('\n');
        return this;
    }

    private static string FormatDouble(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or ':') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');

    // The format escapes backslash and line feed in HELP text, and also the double quote in label values.
    private static string EscapeHelp(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string text) => EscapeHelp(text).Replace("\"", "\\\"", StringComparison.Ordinal);
}
