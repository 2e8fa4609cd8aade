using Xunit;

namespace Keeper.Actors.Tests;

/// <summary>
/// Tests that load the whole machine (tens of thousands of actors) run alone, after the others: all test systems
/// share one thread pool, and a flood of work from one test would hold up another test's actors past its
/// real-time guard.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTestsCollection
{
    public const string Name = "Heavy";
}
