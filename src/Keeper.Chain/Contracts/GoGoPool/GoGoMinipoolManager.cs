using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;
using ContractCall = Keeper.Chain.Contracts.RocketPool.ContractCall;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>
/// GoGoPool's MinipoolManager: one record per Avalanche node ID, indexed 0 to count - 1 (an index is never reused: a
/// finished or canceled minipool relaunches under the same index).
/// </summary>
public sealed class GoGoMinipoolManager(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>The owner's call that takes a Withdrawable or Error minipool's funds (only the owner may send it).</summary>
    public static ContractCall WithdrawMinipoolFunds(Address manager, Address nodeId) =>
        new(manager, new WithdrawMinipoolFundsFunction { NodeId = nodeId.ToLowerHex() }.GetCallData(), $"withdrawMinipoolFunds({nodeId}) on MinipoolManager {manager}");

    /// <summary>The read of the record at <paramref name="index"/>, decoded by <see cref="DecodeMinipool"/>.</summary>
    public CallRequest GetMinipoolCall(long index) => ContractAbi.Call(Address, new GetMinipoolFunction { Index = index });

    /// <summary>The read of <paramref name="nodeId"/>'s record, decoded by <see cref="DecodeMinipool"/> (index -1 when it has none).</summary>
    public CallRequest GetMinipoolByNodeIdCall(Address nodeId) => ContractAbi.Call(Address, new GetMinipoolByNodeIdFunction { NodeId = nodeId.ToLowerHex() });

    /// <summary>Decodes an answer of <c>getMinipool</c> or <c>getMinipoolByNodeID</c>.</summary>
    /// <exception cref="ContractDecodingException">The answer is not a canonical <c>Minipool</c> struct.</exception>
    /// <exception cref="GoGoPoolBindingException">The status is not one GoGoPool defines.</exception>
    public static GoGoMinipool DecodeMinipool(byte[] data) =>
        GoGoMinipool.From(ContractAbi.DecodeOutput<MinipoolOutput>(data, "getMinipool").Minipool);

    /// <summary>How many minipools were ever created.</summary>
    public async Task<ulong> GetMinipoolCountAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(ContractAbi.Call<GetMinipoolCountFunction>(Address), block, cancellationToken);
        return ContractAbi.DecodeReturn<GetMinipoolCountFunction, ulong>(result);
    }

    /// <summary>The index of <paramref name="nodeId"/>'s minipool, or null when it has none.</summary>
    public async Task<long?> GetIndexOfAsync(Address nodeId, BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(ContractAbi.Call(Address, new GetIndexOfFunction { NodeId = nodeId.ToLowerHex() }), block, cancellationToken);
        var index = ContractAbi.DecodeReturn<GetIndexOfFunction, long>(result);
        return index >= 0 ? index : null;
    }

    /// <summary>The minipool of <paramref name="nodeId"/>, or null when it has none.</summary>
    public async Task<GoGoMinipool?> GetMinipoolByNodeIdAsync(Address nodeId, BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(GetMinipoolByNodeIdCall(nodeId), block, cancellationToken);
        var minipool = DecodeMinipool(result);
        return minipool.Index >= 0 ? minipool : null;
    }

    /// <summary>Reads <paramref name="count"/> records from index <paramref name="from"/> on, in batches, in index order.</summary>
    public async Task<IReadOnlyList<GoGoMinipool>> GetMinipoolsAsync(ulong from, ulong count, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = new CallRequest[count];
        for (ulong i = 0; i < count; i++)
        {
            calls[i] = GetMinipoolCall(checked((long)(from + i)));
        }

        var results = await batch.CallAsync(calls, block, cancellationToken);
        return [.. results.Select((r, i) => DecodeMinipool(r.GetReturnDataOrThrow(i)))];
    }

    /// <summary>
    /// The minipools in <paramref name="status"/> among indexes [<paramref name="offset"/>, offset + <paramref name="limit"/>)
    /// (0 for all from the offset), with the contract's own filter: one call, so only for small windows.
    /// </summary>
    public async Task<IReadOnlyList<GoGoMinipool>> GetMinipoolsInStatusAsync(GoGoMinipoolStatus status, ulong offset, ulong limit, BlockTag block, CancellationToken cancellationToken)
    {
        var call = ContractAbi.Call(Address, new GetMinipoolsFunction { Status = (byte)status, Offset = offset, Limit = limit });
        var result = await eth.CallAsync(call, block, cancellationToken);
        return DecodeMinipools(result);
    }

    /// <summary>Decodes an answer of <c>getMinipools</c>.</summary>
    /// <exception cref="ContractDecodingException">The answer is not a canonical array of <c>Minipool</c> structs.</exception>
    /// <exception cref="GoGoPoolBindingException">A status is not one GoGoPool defines.</exception>
    public static IReadOnlyList<GoGoMinipool> DecodeMinipools(byte[] data) =>
        [.. ContractAbi.DecodeReturn<GetMinipoolsFunction, List<MinipoolStruct>>(data).Select(GoGoMinipool.From)];
}
