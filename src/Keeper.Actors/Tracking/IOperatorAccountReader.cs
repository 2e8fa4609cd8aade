using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>Reads node operators' credit and their megapools' debt and refund value, all at one block.</summary>
public interface IOperatorAccountReader
{
    /// <summary>Reads the accounts of <paramref name="megapools"/> at block <paramref name="block"/>, one per megapool in order.</summary>
    /// <param name="depositPool">rocketDepositPool, which holds the credit.</param>
    /// <param name="megapools">Each megapool with its node operator when known.</param>
    /// <param name="block">The block number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<MegapoolAccount>> ReadAsync(Address depositPool, IReadOnlyList<(Address Megapool, Address? Node)> megapools, ulong block, CancellationToken cancellationToken);
}
