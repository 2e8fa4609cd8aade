using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.GoGoPool.Events;

/// <summary>A decoded GoGoPool event. <see cref="Log"/> gives the emitter, block and transaction.</summary>
/// <param name="Log">The raw log.</param>
public abstract record GoGoPoolLog(LogEntry Log)
{
    /// <summary>The contract that emitted it.</summary>
    public Address Emitter => Log.Address;

    /// <summary>The block that holds it.</summary>
    public ulong BlockNumber => Log.BlockNumber;
}
