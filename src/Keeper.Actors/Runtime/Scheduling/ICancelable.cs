namespace Keeper.Actors.Runtime;

/// <summary>A scheduled piece of work that can be withdrawn.</summary>
public interface ICancelable
{
    /// <summary>Whether <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Withdraws the work; it will not run again. Idempotent.</summary>
    void Cancel();
}
