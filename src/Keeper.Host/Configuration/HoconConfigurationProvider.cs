using Keeper.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Keeper.Host.Configuration;

/// <summary>
/// Loads a <see cref="HoconConfigurationSource"/>: parses, resolves substitutions, then flattens the tree to
/// configuration keys. Scalars become their text (numbers as written, booleans as <c>true</c>/<c>false</c>),
/// null and empty objects or arrays become a key with a null value, as the JSON provider does.
/// </summary>
public sealed class HoconConfigurationProvider(HoconConfigurationSource source) : ConfigurationProvider
{
    /// <summary>The source this provider reads.</summary>
    public HoconConfigurationSource Source { get; } = source;

    /// <inheritdoc/>
    /// <exception cref="HoconException">The HOCON is invalid, or two keys differ only in letter case.</exception>
    public override void Load()
    {
        if (Source.FilePath is { } path)
        {
            Data = Source.Optional && !File.Exists(path)
                ? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
                : Flatten(HoconConfig.Load(path, Source.Environment).Root);
            return;
        }

        var text = Source.Text ?? throw new InvalidOperationException("set HoconConfigurationSource.FilePath or Text");
        Data = Flatten(HoconConfig.Parse(text, Source.SourceName, environment: Source.Environment).Root);
    }

    /// <summary>Flattens a resolved tree to <c>a:b:c</c> keys.</summary>
    /// <exception cref="HoconException">Two keys differ only in letter case (configuration keys ignore case).</exception>
    public static Dictionary<string, string?> Flatten(HoconObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Fields)
        {
            Visit(data, key, value);
        }

        return data;
    }

    private static void Visit(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value)
        {
            case HoconObject { Count: > 0 } obj:
                foreach (var (child, childValue) in obj.Fields)
                {
                    Visit(data, ConfigurationPath.Combine(key, child), childValue);
                }

                break;
            case HoconArray { Items.Count: > 0 } array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Visit(data, ConfigurationPath.Combine(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), array.Items[i]);
                }

                break;
            default:
                var text = value is HoconScalar and not HoconNull ? ((HoconScalar)value).Text : null;
                if (!data.TryAdd(key, text))
                {
                    var other = data.Keys.First(existing => string.Equals(existing, key, StringComparison.OrdinalIgnoreCase));
                    throw new HoconException(value.Origin,
                        $"key '{key}' differs from '{other}' only in letter case, and configuration keys ignore case; rename one");
                }

                break;
        }
    }
}
