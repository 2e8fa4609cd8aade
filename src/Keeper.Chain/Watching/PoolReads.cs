using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>Batched state reads of many pools at one block, across megapools.</summary>
internal static class PoolReads
{
    public static async Task<IReadOnlyList<MegapoolValidatorRead>> ValidatorsAsync(
        BatchCaller batch, IReadOnlyCollection<ValidatorKey> keys, BlockRef block, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var ordered = keys.OrderBy(k => k.Megapool).ThenBy(k => k.ValidatorId).ToArray();
        var calls = ordered.Select(k => Megapool.GetValidatorInfoCall(k.Megapool, k.ValidatorId)).ToArray();
        var results = await batch.CallAsync(calls, BlockTag.At(block.Number), cancellationToken);
        return ordered.Select((k, i) => new MegapoolValidatorRead(block, k.Megapool, k.ValidatorId, null, Megapool.DecodeValidatorInfo(results[i].GetReturnDataOrThrow(i)))).ToArray();
    }

    public static async Task<IReadOnlyList<MinipoolRead>> MinipoolsAsync(
        BatchCaller batch, IReadOnlyCollection<Address> minipools, BlockRef block, CancellationToken cancellationToken)
    {
        if (minipools.Count == 0)
        {
            return [];
        }

        var ordered = minipools.Order().ToArray();
        var states = await Minipool.ReadAsync(batch, ordered, BlockTag.At(block.Number), cancellationToken);
        return states.Select(s => new MinipoolRead(block, s)).ToArray();
    }
}
