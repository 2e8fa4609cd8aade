using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>Legacy minipools: one contract per validator.</summary>
public static class Minipool
{
    /// <summary><c>getStatus()</c>.</summary>
    public static AbiFunction GetStatusFunction { get; } = AbiFunction.Parse("function getStatus() view returns (uint8)");

    /// <summary><c>getStatusTime()</c>.</summary>
    public static AbiFunction GetStatusTimeFunction { get; } = AbiFunction.Parse("function getStatusTime() view returns (uint256)");

    /// <summary><c>getNodeAddress()</c>.</summary>
    public static AbiFunction GetNodeAddressFunction { get; } = AbiFunction.Parse("function getNodeAddress() view returns (address)");

    /// <summary><c>dissolve()</c>: the keeper's action once a prelaunch minipool has timed out.</summary>
    public static AbiFunction DissolveFunction { get; } = AbiFunction.Parse("function dissolve()");

    /// <summary>The call that dissolves the minipool at <paramref name="minipool"/>.</summary>
    public static ContractCall Dissolve(Address minipool) => new(minipool, DissolveFunction.EncodeCall(), $"dissolve() on minipool {minipool}");

    /// <summary>Reads the state of many minipools in batches (three calls each), in the order given.</summary>
    public static async Task<IReadOnlyList<MinipoolState>> ReadAsync(BatchCaller batch, IReadOnlyList<Address> minipools, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = new List<CallRequest>(minipools.Count * 3);
        foreach (var minipool in minipools)
        {
            calls.Add(new CallRequest(minipool, GetNodeAddressFunction.EncodeCall()));
            calls.Add(new CallRequest(minipool, GetStatusFunction.EncodeCall()));
            calls.Add(new CallRequest(minipool, GetStatusTimeFunction.EncodeCall()));
        }

        var results = await batch.CallAsync(calls, block, cancellationToken);
        var states = new MinipoolState[minipools.Count];
        for (var i = 0; i < minipools.Count; i++)
        {
            var node = (Address)GetNodeAddressFunction.DecodeOutput(results[3 * i].GetReturnDataOrThrow(3 * i))[0]!;
            var status = (BigInteger)GetStatusFunction.DecodeOutput(results[(3 * i) + 1].GetReturnDataOrThrow((3 * i) + 1))[0]!;
            var time = (BigInteger)GetStatusTimeFunction.DecodeOutput(results[(3 * i) + 2].GetReturnDataOrThrow((3 * i) + 2))[0]!;
            if (status > (int)MinipoolStatus.Dissolved || time > ulong.MaxValue)
            {
                throw new RocketPoolBindingException($"Minipool {minipools[i]} returned status {status} and status time {time}; is it a Rocket Pool minipool?");
            }

            states[i] = new MinipoolState(minipools[i], node, (MinipoolStatus)(byte)status, (ulong)time);
        }

        return states;
    }
}
