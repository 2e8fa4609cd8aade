namespace Keeper.Host.Tests.Http;

/// <summary>A clock that reads one fixed instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
