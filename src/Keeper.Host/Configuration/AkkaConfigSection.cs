using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Configuration;

/// <summary>
/// Renders the <c>akka</c> section of Keeper's configuration (the operator's file over reference.conf, environment
/// overrides applied) as HOCON for Akka's own parser, so that Akka is configured from the same files as Keeper:
/// <c>AddHocon(settings.AkkaHocon, HoconAddMode.Prepend)</c>. Keys and strings are always quoted (durations stay strings
/// such as <c>"5s"</c>, which Akka reads), numbers and booleans are written bare, lists and objects nest.
/// Akka's parser trims spaces at both ends of a quoted string, so such spaces do not reach Akka.
/// </summary>
public static class AkkaConfigSection
{
    /// <summary>The section Akka reads.</summary>
    public const string Section = "akka";

    /// <summary>The <c>akka { … }</c> section of <paramref name="config"/> as HOCON text; <c>akka {}</c> when it has none.</summary>
    /// <exception cref="HoconException"><c>akka</c> is set to something other than an object.</exception>
    public static string Render(HoconConfig config)
    {
        var value = config.GetValue(Section);
        var root = new HoconObject(value?.Origin ?? config.Root.Origin);
        root.Set(Section, value switch
        {
            null or HoconNull => new HoconObject(root.Origin),
            HoconObject akka => akka,
            _ => throw new HoconException(value.Origin, $"{Section}: expected an object (Akka's settings) but found {value.KindName}"),
        });
        return HoconPrinter.Print(root);
    }
}
