namespace Keeper.Benchmarks.Actors;

/// <summary>The benchmark message; one instance is reused so that the figures measure the mailbox, not the sender's allocations.</summary>
internal sealed record Ping
{
    public static readonly Ping Instance = new();
}
