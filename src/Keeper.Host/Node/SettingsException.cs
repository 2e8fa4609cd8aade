namespace Keeper.Host.Node;

/// <summary>
/// One or more settings are missing or wrong. Each message names the key, the bad value and how to fix it; a file with
/// several mistakes reports them all at once (<see cref="Errors"/>), so an operator fixes them in one pass.
/// </summary>
public sealed class SettingsException : Exception
{
    /// <summary>One wrong setting.</summary>
    /// <param name="key">The offending key, e.g. <c>keeper.chain.rpc</c>.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <param name="innerException">The error that revealed it, if any.</param>
    public SettingsException(string key, string problem, Exception? innerException = null)
        : base($"Setting '{key}': {problem}", innerException)
    {
        Key = key;
        Errors = [this];
    }

    private SettingsException(IReadOnlyList<SettingsException> errors)
        : base($"{errors.Count} settings are wrong:{string.Concat(errors.Select(e => Environment.NewLine + "  " + e.Message))}")
    {
        Key = errors[0].Key;
        Errors = errors;
    }

    /// <summary>The offending key, e.g. <c>keeper.chain.rpc</c>; the first one's when several are wrong.</summary>
    public string Key { get; }

    /// <summary>Every wrong setting, in the order found, each with its own <see cref="Key"/> and message.</summary>
    public IReadOnlyList<SettingsException> Errors { get; }

    /// <summary>Null when <paramref name="errors"/> is empty, the error itself when there is one, else all of them in one exception.</summary>
    public static SettingsException? Of(IReadOnlyList<SettingsException> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var flat = errors.SelectMany(e => e.Errors).ToArray();
        return flat.Length switch
        {
            0 => null,
            1 => flat[0],
            _ => new SettingsException(flat),
        };
    }
}
