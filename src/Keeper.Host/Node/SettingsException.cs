namespace Keeper.Host.Node;

/// <summary>A setting is missing or wrong. The message names the key and says how to fix it.</summary>
public sealed class SettingsException(string key, string problem, Exception? innerException = null)
    : Exception($"Setting '{key}': {problem}", innerException)
{
    /// <summary>The offending key, e.g. <c>keeper.chain.rpc</c>.</summary>
    public string Key { get; } = key;
}
