namespace Keeper.Testing.Persistence;

/// <summary>A clock for store tests: it reads what the test set, so assigned <c>Created</c> times are exact.</summary>
public sealed class StoreTestClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Creates the clock at <paramref name="start"/>.</summary>
    public StoreTestClock(DateTimeOffset start)
    {
        _utcTicks = start.UtcTicks;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="delta"/>.</summary>
    public void Advance(TimeSpan delta) => Interlocked.Add(ref _utcTicks, delta.Ticks);
}
