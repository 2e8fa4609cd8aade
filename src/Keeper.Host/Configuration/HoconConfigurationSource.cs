using Microsoft.Extensions.Configuration;

namespace Keeper.Host.Configuration;

/// <summary>
/// A HOCON file or text as a Microsoft.Extensions.Configuration source. Set either <see cref="FilePath"/> or
/// <see cref="Text"/>. Keys flatten to <c>a:b:c</c>, array elements to <c>a:0</c>, <c>a:1</c>.
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>The absolute path of the file to read, or null when <see cref="Text"/> is used.</summary>
    public string? FilePath { get; init; }

    /// <summary>The HOCON text to read, or null when <see cref="FilePath"/> is used.</summary>
    public string? Text { get; init; }

    /// <summary>The name errors cite for <see cref="Text"/>.</summary>
    public string SourceName { get; init; } = "configuration text";

    /// <summary>When true a missing <see cref="FilePath"/> yields no keys instead of an error.</summary>
    public bool Optional { get; init; }

    /// <summary>Environment lookup for <c>${VAR}</c> substitutions; null uses the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
