using Microsoft.Extensions.Configuration;

namespace Keeper.Host.Configuration;

/// <summary>
/// Adds HOCON to an <see cref="IConfigurationBuilder"/>. Sources added later override earlier ones, so to let
/// environment variables override HOCON keys add them after the HOCON file:
/// <code>
/// builder.AddHoconFile("app.conf").AddEnvironmentVariables("APP_");
/// // APP_app__rpc__timeout=5s overrides app.rpc.timeout ("__" stands for the ':' key separator)
/// </code>
/// Environment variables also fill <c>${VAR}</c> substitutions that the HOCON itself does not define. Keeper's own
/// settings do not go through this adapter: <c>KeeperSettingsLoader</c> applies <c>KEEPER_…__…</c> overrides itself.
/// </summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file; a relative path is taken from the current directory when this is called.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file path.</param>
    /// <param name="optional">When true a missing file adds no keys instead of failing.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false) =>
        builder.Add(new HoconConfigurationSource { FilePath = Path.GetFullPath(path), Optional = optional });

    /// <summary>Adds HOCON text held in memory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The HOCON document (relative includes are not allowed: the text has no directory).</param>
    /// <param name="sourceName">The name errors cite.</param>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, string text, string sourceName) =>
        builder.Add(new HoconConfigurationSource { Text = text, SourceName = sourceName });
}
