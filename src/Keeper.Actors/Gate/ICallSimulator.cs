using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate;

/// <summary>Runs a call as it would run in the next block, without sending anything.</summary>
public interface ICallSimulator
{
    /// <summary>Simulates <paramref name="call"/> from <paramref name="from"/> at block time <paramref name="nextBlockTime"/>.</summary>
    /// <returns>Null when it would succeed; otherwise the decoded revert reason.</returns>
    Task<string?> SimulateAsync(ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken);
}
