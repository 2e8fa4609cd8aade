using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary>A megapool validator event, emitted by the megapool itself.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="Kind">Which event.</param>
/// <param name="ValidatorId">The megapool-local validator id.</param>
/// <param name="Time">The block timestamp the contract recorded.</param>
public sealed record MegapoolValidatorLog(LogEntry Log, MegapoolValidatorEventKind Kind, uint ValidatorId, ulong Time) : RocketPoolLog(Log)
{
    /// <summary>The megapool.</summary>
    public Address Megapool => Log.Address;
}
