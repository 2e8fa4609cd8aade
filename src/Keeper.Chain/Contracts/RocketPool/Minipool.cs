using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>Legacy minipools: one contract per validator.</summary>
public static class Minipool
{
    /// <summary>The selector of <c>dissolve()</c>, for allow-lists of (contract, selector) pairs.</summary>
    public static byte[] DissolveSelector => ContractAbi.Selector<DissolveFunction>();

    /// <summary>The call that dissolves the minipool at <paramref name="minipool"/>.</summary>
    public static ContractCall Dissolve(Address minipool) => new(minipool, new DissolveFunction().GetCallData(), $"dissolve() on minipool {minipool}");

    /// <summary>The read of a minipool's status, decoded by <see cref="DecodeStatus"/>.</summary>
    public static CallRequest GetStatusCall(Address minipool) => ContractAbi.Call<GetStatusFunction>(minipool);

    /// <summary>Decodes an answer of <c>getStatus()</c>.</summary>
    /// <exception cref="ContractDecodingException">The answer is not a uint8.</exception>
    public static byte DecodeStatus(byte[] data) => ContractAbi.DecodeReturn<GetStatusFunction, byte>(data);

    /// <summary>Reads the state of many minipools in batches (three calls each), in the order given.</summary>
    public static async Task<IReadOnlyList<MinipoolState>> ReadAsync(BatchCaller batch, IReadOnlyList<Address> minipools, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = new List<CallRequest>(minipools.Count * 3);
        foreach (var minipool in minipools)
        {
            calls.Add(ContractAbi.Call<GetNodeAddressFunction>(minipool));
            calls.Add(GetStatusCall(minipool));
            calls.Add(ContractAbi.Call<GetStatusTimeFunction>(minipool));
        }

        var results = await batch.CallAsync(calls, block, cancellationToken);
        var states = new MinipoolState[minipools.Count];
        for (var i = 0; i < minipools.Count; i++)
        {
            var node = ContractAbi.DecodeReturn<GetNodeAddressFunction, string>(results[3 * i].GetReturnDataOrThrow(3 * i));
            var status = DecodeStatus(results[(3 * i) + 1].GetReturnDataOrThrow((3 * i) + 1));
            var time = ContractAbi.DecodeReturn<GetStatusTimeFunction, BigInteger>(results[(3 * i) + 2].GetReturnDataOrThrow((3 * i) + 2));
            if (status > (byte)MinipoolStatus.Dissolved || time > ulong.MaxValue)
            {
                throw new RocketPoolBindingException($"Minipool {minipools[i]} returned status {status} and status time {time}; is it a Rocket Pool minipool?");
            }

            states[i] = new MinipoolState(minipools[i], Address.Parse(node), (MinipoolStatus)status, (ulong)time);
        }

        return states;
    }
}
