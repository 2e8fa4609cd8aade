namespace Keeper.Host.Configuration;

/// <summary>
/// A configuration error: bad syntax, an unresolvable substitution, a missing include, or a value of the wrong type.
/// The message reads <c>file:line:column: what is wrong</c> followed, where one exists, by how to fix it.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates the exception for a problem found at <paramref name="origin"/>.</summary>
    public HoconException(HoconOrigin origin, string problem, Exception? innerException = null)
        : base($"{origin}: {problem}", innerException)
    {
        Origin = origin;
        Problem = problem;
    }

    /// <summary>Where the problem is.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Problem { get; }
}
