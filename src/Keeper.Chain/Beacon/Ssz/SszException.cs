namespace Keeper.Chain.Beacon.Ssz;

/// <summary>
/// SSZ bytes do not match their type. <see cref="Path"/> names the offending field from the outermost type, such as
/// <c>BeaconState.validators[17].slashed</c>, and the message says what is wrong with it.
/// </summary>
public sealed class SszException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The field path, such as <c>BeaconState.validators[17].slashed</c>.</param>
    /// <param name="problem">What is wrong, such as "a boolean must be 0x00 or 0x01; got 0x02".</param>
    public SszException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The offending field's path.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>The same problem seen from an enclosing type: <paramref name="prefix"/> goes before the path.</summary>
    internal SszException Under(string prefix) =>
        new(Path.Length == 0 ? prefix : Path[0] == '[' ? prefix + Path : $"{prefix}.{Path}", Problem);
}
