namespace Keeper.Benchmarks.Actors;

/// <summary>Completes when every actor has counted its share of one benchmark invocation.</summary>
internal sealed class Latch
{
    private int _remaining;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long PerActor { get; private set; }

    public Task Reset(int actors, long perActor)
    {
        PerActor = perActor;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, actors);
        return _done.Task;
    }

    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }
}
