using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketMinipoolManager: enumerates the legacy minipools.</summary>
public sealed class MinipoolManager(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary><c>getMinipoolCount()</c>.</summary>
    public static AbiFunction GetMinipoolCountFunction { get; } = AbiFunction.Parse("function getMinipoolCount() view returns (uint256)");

    /// <summary><c>getMinipoolAt(uint256)</c>.</summary>
    public static AbiFunction GetMinipoolAtFunction { get; } = AbiFunction.Parse("function getMinipoolAt(uint256 index) view returns (address)");

    /// <summary><c>getPrelaunchMinipools(uint256 offset, uint256 limit)</c> (limit 0: to the end).</summary>
    public static AbiFunction GetPrelaunchMinipoolsFunction { get; } = AbiFunction.Parse("function getPrelaunchMinipools(uint256 offset, uint256 limit) view returns (address[])");

    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>How many minipools exist.</summary>
    public async Task<ulong> GetMinipoolCountAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(new CallRequest(Address, GetMinipoolCountFunction.EncodeCall()), block, cancellationToken);
        return (ulong)(BigInteger)GetMinipoolCountFunction.DecodeOutput(result)[0]!;
    }

    /// <summary>The minipools at indexes <paramref name="from"/> onward, in batches.</summary>
    public async Task<IReadOnlyList<Address>> GetMinipoolsAsync(ulong from, ulong count, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = new CallRequest[count];
        for (ulong i = 0; i < count; i++)
        {
            calls[i] = new CallRequest(Address, GetMinipoolAtFunction.EncodeCall(new BigInteger(from + i)));
        }

        var results = await batch.CallAsync(calls, block, cancellationToken);
        return results.Select((r, i) => (Address)GetMinipoolAtFunction.DecodeOutput(r.GetReturnDataOrThrow(i))[0]!).ToArray();
    }

    /// <summary>The minipools in prelaunch, from <paramref name="offset"/> (a window of <paramref name="limit"/>, 0 for all).</summary>
    public async Task<IReadOnlyList<Address>> GetPrelaunchMinipoolsAsync(ulong offset, ulong limit, BlockTag block, CancellationToken cancellationToken)
    {
        var data = GetPrelaunchMinipoolsFunction.EncodeCall(new BigInteger(offset), new BigInteger(limit));
        var result = await eth.CallAsync(new CallRequest(Address, data), block, cancellationToken);
        return ((object?[])GetPrelaunchMinipoolsFunction.DecodeOutput(result)[0]!).Select(a => (Address)a!).ToArray();
    }
}
