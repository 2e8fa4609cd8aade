using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketMinipoolManager: enumerates the legacy minipools.</summary>
public sealed class MinipoolManager(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>How many minipools exist.</summary>
    public async Task<ulong> GetMinipoolCountAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(ContractAbi.Call<GetMinipoolCountFunction>(Address), block, cancellationToken);
        return ContractAbi.DecodeReturn<GetMinipoolCountFunction, ulong>(result);
    }

    /// <summary>The minipools at indexes <paramref name="from"/> onward, in batches.</summary>
    public async Task<IReadOnlyList<Address>> GetMinipoolsAsync(ulong from, ulong count, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = new CallRequest[count];
        for (ulong i = 0; i < count; i++)
        {
            calls[i] = ContractAbi.Call(Address, new GetMinipoolAtFunction { Index = from + i });
        }

        var results = await batch.CallAsync(calls, block, cancellationToken);
        return results.Select((r, i) => Address.Parse(ContractAbi.DecodeReturn<GetMinipoolAtFunction, string>(r.GetReturnDataOrThrow(i)))).ToArray();
    }

    /// <summary>The minipools in prelaunch, from <paramref name="offset"/> (a window of <paramref name="limit"/>, 0 for all).</summary>
    public async Task<IReadOnlyList<Address>> GetPrelaunchMinipoolsAsync(ulong offset, ulong limit, BlockTag block, CancellationToken cancellationToken)
    {
        var call = ContractAbi.Call(Address, new GetPrelaunchMinipoolsFunction { Offset = offset, Limit = limit });
        var result = await eth.CallAsync(call, block, cancellationToken);
        return ContractAbi.DecodeReturn<GetPrelaunchMinipoolsFunction, List<string>>(result).Select(Address.Parse).ToArray();
    }
}
